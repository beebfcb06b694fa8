package com.ingrammicro.masterpayer.cta.esignature;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.TestDocuSign;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ConnectSignaturesTest {

  private static final byte[] BODY =
      TestDocuSign.notification("envelope-completed", TestDocuSign.ACCOUNT_ID, "env-1");

  private final ConnectSignatures signatures =
      new ConnectSignatures(List.of(TestDocuSign.OLD_HMAC_KEY, TestDocuSign.CURRENT_HMAC_KEY));

  @Test
  void aSignatureWithAnyConfiguredKeyIsGenuine() {
    assertThat(
            signatures.genuine(
                BODY, List.of(TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, BODY))))
        .isTrue();
    assertThat(
            signatures.genuine(
                BODY, List.of("bm90IGl0", TestDocuSign.hmac(TestDocuSign.OLD_HMAC_KEY, BODY))))
        .isTrue();
  }

  @Test
  void aSignatureWithAnotherKeyOrOfOtherBytesOrNoneIsNot() {
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("env-1", "env-2")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(signatures.genuine(BODY, List.of(TestDocuSign.hmac("another key", BODY)))).isFalse();
    assertThat(
            signatures.genuine(
                changed, List.of(TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, BODY))))
        .isFalse();
    assertThat(signatures.genuine(BODY, List.of())).isFalse();
    assertThat(signatures.genuine(BODY, List.of("%%% not base64"))).isFalse();
  }

  @Test
  void readsEverySignatureHeaderWhateverItsCase() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.addHeader("X-DocuSign-Signature-1", "one");
    request.addHeader("x-docusign-signature-2", "two");
    request.addHeader("X-DocuSign-Signature-Other", "not one");
    request.addHeader("Authorization", "Basic abc");

    assertThat(ConnectSignatures.of(request)).containsExactlyInAnyOrder("one", "two");
  }
}
