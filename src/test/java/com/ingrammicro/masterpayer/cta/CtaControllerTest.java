package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.SliceApi;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.system.SliceSecurity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The signed-CTA upload's door, with the application's own security chain ({@link SliceSecurity})
 * in front of {@link CtaController} and the CTA service behind it mocked: only resellers upload,
 * only a PDF content type, and never more than the configured size, refused before the service is
 * asked. Whether a signature is awaited and whether the bytes are a readable, harmless PDF is the
 * service's, proven end to end ({@code SignedCtaUploadIT}, {@code BadInputIT}).
 */
@WebMvcTest(CtaController.class)
@Import(SliceSecurity.class)
class CtaControllerTest {

  /** As the integration tests configure it ({@code application-it.yml}: 256KB). */
  private static final long MAX_SIGNED_SIZE = 256 * 1024;

  @Autowired MockMvc mvc;
  @MockitoBean CtaService ctas;

  SliceApi api;

  @BeforeEach
  void client() {
    api = new SliceApi(mvc);
    when(ctas.maxSignedSize()).thenReturn(MAX_SIGNED_SIZE);
  }

  @Test
  void signedCtaUploadMustBeASmallEnoughPdfFromTheReseller() {
    String path = "/api/offboardings/" + UUID.randomUUID() + "/cta/signed";

    Api.Response notPdfType = api.put("acme", path, "image/png", TestPdf.withText("png?"));
    Api.Response tooLarge = api.put("acme", path, "application/pdf", new byte[300 * 1024]);
    Api.Response byStaff = api.put("sales", path, "application/pdf", TestPdf.withText("staff"));
    Api.Response anonymous = api.put(null, path, "application/pdf", TestPdf.withText("anyone"));

    assertThat(notPdfType.status()).isEqualTo(415);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().path("type").asText()).endsWith("upload-too-large");
    assertThat(tooLarge.json().path("detail").asText()).contains(String.valueOf(MAX_SIGNED_SIZE));
    assertThat(byStaff.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
    verify(ctas, never()).requireAwaitingSignature(any(), any());
    verify(ctas, never()).acceptSigned(any(), any(), any());
  }

  @Test
  void anUploadWithinTheLimitGoesToTheServiceAsTheResellersPdfAndAnswersWithTheReport() {
    UUID id = UUID.randomUUID();
    byte[] pdf = TestPdf.withText("signed by Acme and Contoso");
    SignatureReport.Signature signature =
        new SignatureReport.Signature(
            SignatureReport.Kind.SIGNATURE,
            "CN=Alice Assignor",
            "CN=Signing CA",
            "1f",
            Instant.parse("2026-11-27T10:15:30Z"),
            SignatureReport.SigningTimeSource.SIGNING_TIME_ATTRIBUTE,
            null,
            true,
            false,
            true,
            "No chain to a trusted root was found.",
            List.of());
    when(ctas.acceptSigned(any(), any(), any()))
        .thenReturn(
            new SignedCta(
                UUID.randomUUID(),
                "digest",
                pdf.length,
                1,
                1,
                new SignatureReport(List.of(signature), true, true, List.of(), false)));

    Api.Response upload =
        api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf", pdf);

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    assertThat(upload.header("Location")).isEqualTo("/api/offboardings/" + id + "/cta/signed");
    assertThat(upload.json().path("signatureCount").asInt()).isEqualTo(1);
    assertThat(upload.json().path("derivedFromIssuedCta").asBoolean()).isTrue();
    assertThat(upload.json().path("changesAfterSigning").isArray()).isTrue();
    assertThat(upload.json().path("signatures").get(0).path("signer").asText())
        .isEqualTo("CN=Alice Assignor");
    assertThat(upload.json().path("signatures").get(0).path("signedAt").asText())
        .isEqualTo("2026-11-27T10:15:30Z");
    assertThat(upload.json().path("signatures").get(0).path("trusted").asBoolean()).isFalse();
    assertThat(upload.json().has("report")).as("the report's fields are the answer's").isFalse();
    verify(ctas).requireAwaitingSignature(any(), eq(id));
    verify(ctas).acceptSigned(any(), eq(id), eq(pdf));
  }
}
