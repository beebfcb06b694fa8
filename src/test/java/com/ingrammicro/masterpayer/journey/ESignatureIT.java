package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.ESignatureQuery;
import com.ingrammicro.masterpayer.cta.TestPki;
import com.ingrammicro.masterpayer.cta.TestSigning;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.TestDocuSign;
import com.ingrammicro.masterpayer.support.TestPdf;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CTA's e-signature through DocuSign, its envelope and DocuSign Connect's notifications, on
 * DocuSign's endpoints on loopback ({@link TestDocuSign}): the envelope sent once however often its
 * job runs, the HMAC that authenticates a notification, a repeated notification, a declined
 * envelope. On H2: what it checks lies in HTTP and the engine, not in SQL; the journey through
 * DocuSign on both databases is in {@link FullJourneyScenarios}.
 */
@OnH2
class ESignatureIT extends JourneyScenario {

  static final String CONNECT = "/api/esignature/docusign/connect";

  @Autowired private ESignatureQuery envelopes;

  @Test
  void theEnvelopeIsCreatedOnceEvenWhenItsJobRunsAgainAfterDocuSignsAnswerWasLost()
      throws Exception {
    String id = start("acme", randomPayer());
    String envelopeId = DOCUSIGN.expectEnvelopeAnsweredTooLate(id);

    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));

    // the first attempt gave up waiting for DocuSign's answer; the retry finds the envelope
    ESignatureEnvelope envelope =
        await()
            .atMost(PATIENCE)
            .until(() -> envelopes.envelope(asUuid(id)), Optional::isPresent)
            .get();
    assertThat(envelope.envelopeId()).isEqualTo(envelopeId);
    assertThat(envelope.status()).isEqualTo("SENT");
    assertThat(DOCUSIGN.envelopeCreations(id)).as("one envelope at DocuSign").hasSize(1);
    assertThat(DOCUSIGN.envelopeSearches(id)).hasSizeGreaterThanOrEqualTo(2);
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    MimeMessage mail = awaitMails(id, "CTA_FOR_SIGNATURE").get("CTA_FOR_SIGNATURE");
    assertThat(text(mail)).contains("comes to the signers from DocuSign");
  }

  @Test
  void aNotificationWithoutTheRightHmacIsRefusedAndChangesNothing() {
    String id = start("acme", randomPayer());
    String envelopeId = sentForSignature(id);
    DOCUSIGN.completed(
        envelopeId,
        "Acme Cloud Solutions Ltd",
        "ops@acme.example",
        "Contoso Distribution",
        "billing@contoso.example",
        TestPdf.withText("signed in DocuSign"));
    byte[] body =
        TestDocuSign.notification("envelope-completed", TestDocuSign.ACCOUNT_ID, envelopeId);

    Api.Response wrongKey =
        connect(body, Map.of("X-DocuSign-Signature-1", TestDocuSign.hmac("guessed", body)));
    Api.Response noSignature = connect(body, Map.of());
    byte[] forged =
        new String(body, StandardCharsets.UTF_8)
            .replace("envelope-completed", "envelope-declined")
            .getBytes(StandardCharsets.UTF_8);
    Api.Response otherBytes =
        connect(
            forged,
            Map.of(
                "X-DocuSign-Signature-1", TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, body)));

    for (Api.Response refused : new Api.Response[] {wrongKey, noSignature, otherBytes}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().path("detail").asText()).contains("HMAC-SHA256");
    }
    assertThat(DOCUSIGN.envelopeReads(envelopeId)).as("DocuSign was not even asked").isEmpty();
    assertThat(envelopes.envelope(asUuid(id)).orElseThrow().status()).isEqualTo("SENT");
    assertThat(hasAction(api.get("acme", "/api/offboardings/" + id).json(), "UPLOAD_SIGNED_CTA"))
        .isTrue();
  }

  @Test
  void aCompletionSignedWithTheSecondKeyIsTakenOnceAndItsRepeatChangesNothing() {
    String id = start("acme", randomPayer());
    String envelopeId = sentForSignature(id);
    byte[] signed = TestPdf.withText("signed in DocuSign by Acme and Contoso");
    DOCUSIGN.completed(
        envelopeId,
        "Acme Cloud Solutions Ltd",
        "ops@acme.example",
        "Contoso Distribution",
        "billing@contoso.example",
        signed);
    byte[] body =
        TestDocuSign.notification("envelope-completed", TestDocuSign.ACCOUNT_ID, envelopeId);
    Map<String, String> signatures =
        Map.of(
            "X-DocuSign-Signature-1", TestDocuSign.hmac("a key no longer configured", body),
            "X-DocuSign-Signature-2", TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, body));

    Api.Response first = connect(body, signatures);
    Api.Response repeated = connect(body, signatures);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("outcome").asText()).isEqualTo("ACCEPTED");
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().path("outcome").asText()).isEqualTo("ALREADY_HANDLED");
    awaitTask("sales", id, "Task_CountersignCta");
    assertThat(api.get("sales", "/api/offboardings/" + id + "/cta/signed").body())
        .isEqualTo(signed);
    assertThat(DOCUSIGN.envelopeReads(envelopeId))
        .as("one status read and one download: the repeat was not acted on")
        .hasSize(2);
    ESignatureEnvelope envelope = envelopes.envelope(asUuid(id)).orElseThrow();
    assertThat(envelope.status()).isEqualTo("COMPLETED");
    assertThat(envelope.signedDocumentId()).isNotNull();
    assertThat(envelope.evidence().allSigned()).isTrue();
    assertThat(envelope.evidence().recipients())
        .extracting(r -> r.routingOrder() + " " + r.email() + " " + r.status())
        .containsExactly("1 ops@acme.example completed", "2 billing@contoso.example completed");
    JsonNode variables =
        api.get(
                "sales",
                "/engine-rest/history/variable-instance?processInstanceIdIn="
                    + processInstanceId(id)
                    + "&variableName=signedCtaSha256")
            .json();
    assertThat(variables.get(0).path("value").asText()).isEqualTo(sha256(signed));
  }

  @Test
  void aCombinedDocumentWhoseSealIsBrokenIsRefusedWithTheReasonAndTheJourneyKeepsWaiting() {
    String id = start("acme", randomPayer());
    String envelopeId = sentForSignature(id);
    byte[] sealed =
        TestSigning.sign(
            TestPdf.withText("CTA signed in DocuSign by Acme and Contoso"),
            TestPki.issue(
                "CN=DocuSign Inc.,O=DocuSign Inc.,C=US",
                Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365))));
    sealed[11] ^= 0x01; // inside the signed range
    DOCUSIGN.completed(
        envelopeId,
        "Acme Cloud Solutions Ltd",
        "ops@acme.example",
        "Contoso Distribution",
        "billing@contoso.example",
        sealed);
    byte[] body =
        TestDocuSign.notification("envelope-completed", TestDocuSign.ACCOUNT_ID, envelopeId);

    Api.Response answer =
        connect(
            body,
            Map.of(
                "X-DocuSign-Signature-1", TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, body)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    ESignatureEnvelope envelope = envelopes.envelope(asUuid(id)).orElseThrow();
    assertThat(envelope.signedDocumentId()).isNull();
    assertThat(envelope.statusReason())
        .contains("refused")
        .contains("Signature 1 (CN=DocuSign Inc.")
        .contains("the document was changed after it was signed");
    assertThat(api.get("acme", "/api/offboardings/" + id + "/cta/signed").status())
        .as("nothing stored")
        .isEqualTo(409);
    assertThat(hasAction(api.get("acme", "/api/offboardings/" + id).json(), "UPLOAD_SIGNED_CTA"))
        .isTrue();
  }

  @Test
  void aDeclinedEnvelopeTellsSalesAndTheResellerWhyAndTheJourneyKeepsWaitingForTheUpload()
      throws Exception {
    String id = start("acme", randomPayer());
    String envelopeId = sentForSignature(id);
    DOCUSIGN.declined(
        envelopeId,
        "Acme Cloud Solutions Ltd",
        "ops@acme.example",
        "Contoso Distribution",
        "billing@contoso.example",
        "Our legal entity changed; the assignee must be Contoso Holdings");
    byte[] body =
        TestDocuSign.notification("envelope-declined", TestDocuSign.ACCOUNT_ID, envelopeId);

    Api.Response answer =
        connect(
            body,
            Map.of("X-DocuSign-Signature-1", TestDocuSign.hmac(TestDocuSign.OLD_HMAC_KEY, body)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    MimeMessage declined = awaitMails(id, "ESIGNATURE_DECLINED").get("ESIGNATURE_DECLINED");
    assertThat(recipients(declined))
        .containsExactlyInAnyOrder("ops@acme.example", "aws-iaas-sales@ingrammicro.example");
    assertThat(text(declined)).contains("the assignee must be Contoso Holdings");
    assertThat(envelopes.envelope(asUuid(id)).orElseThrow().status()).isEqualTo("DECLINED");
    JsonNode view = api.get("acme", "/api/offboardings/" + id).json();
    assertThat(view.path("stage").asText()).isEqualTo("CTA_SIGNATURE");
    assertThat(hasAction(view, "UPLOAD_SIGNED_CTA")).isTrue();
    // the fallback: the reseller uploads a copy signed another way
    journeys.uploadSignedCta("acme", id, TestPdf.withText("signed on paper"));
    awaitTask("sales", id, "Task_CountersignCta");
  }

  @Test
  void aNotificationOfAnotherAccountOrAnUnknownEnvelopeIsAnsweredAndIgnored() {
    byte[] foreign = TestDocuSign.notification("envelope-completed", "another-account", "env-x");
    byte[] unknown =
        TestDocuSign.notification(
            "envelope-completed", TestDocuSign.ACCOUNT_ID, "no-such-envelope");

    for (byte[] body : new byte[][] {foreign, unknown}) {
      Api.Response answer =
          connect(
              body,
              Map.of(
                  "X-DocuSign-Signature-1",
                  TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, body)));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.json().path("outcome").asText()).isEqualTo("IGNORED");
    }
    byte[] notJson = "{\"event\": 1}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            connect(
                    notJson,
                    Map.of(
                        "X-DocuSign-Signature-1",
                        TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, notJson)))
                .status())
        .isEqualTo(400);
  }

  /** Approved, its envelope sent (with an id the test knows) and the upload open. */
  private String sentForSignature(String id) {
    String envelopeId = DOCUSIGN.expectEnvelope(id);
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    await().atMost(PATIENCE).until(() -> envelopes.envelope(asUuid(id)), Optional::isPresent);
    return envelopeId;
  }

  private Api.Response connect(byte[] body, Map<String, String> headers) {
    return api.send("POST", CONNECT, new String(body, StandardCharsets.UTF_8), headers);
  }

  private String processInstanceId(String id) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(id)
        .singleResult()
        .getId();
  }

  private static java.util.UUID asUuid(String id) {
    return java.util.UUID.fromString(id);
  }
}
