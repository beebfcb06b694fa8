package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.cta.DocumentQuery;
import com.ingrammicro.masterpayer.cta.SignatureReport;
import com.ingrammicro.masterpayer.cta.TestPki;
import com.ingrammicro.masterpayer.cta.TestSigning;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.TestPdf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signed-CTA upload's rules that need the journey: taken only while a signature is awaited,
 * only as a readable PDF, only with intact signatures over an unchanged document, and nothing
 * refused is stored; the answer carries the signature report, which is stored with the document.
 * Content type, size and role are the web layer's ({@code CtaControllerTest}); a PDF with
 * JavaScript is {@code BadInputIT}'s; every kind of signature the verifier judges is {@code
 * CtaSignaturesTest}'s. On H2 only: storing the signed copy runs on PostgreSQL in the full journey.
 */
@OnH2
class SignedCtaUploadIT extends JourneyScenario {

  @Autowired DocumentQuery documents;

  @Test
  void signedCtaUploadIsTakenOnlyWhileAwaitedAndOnlyAsAReadablePdf() {
    String id = start("acme", randomPayer());
    String path = "/api/offboardings/" + id + "/cta/signed";

    Api.Response tooEarly = api.put("acme", path, "application/pdf", TestPdf.withText("early"));
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    Api.Response fakePdf =
        api.put("acme", path, "application/pdf", "%PDF-1.7 this is no pdf".getBytes());

    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(fakePdf.status()).isEqualTo(415);
    assertThat(fakePdf.json().path("type").asText()).endsWith("not-a-pdf");
    assertThat(api.get("acme", path).status()).as("nothing stored").isEqualTo(409);
  }

  @Test
  void theIssuedCtaSignedTwiceIsTakenWithItsReportAndATamperedCopyIsRefusedWithTheReason() {
    String id = start("acme", randomPayer());
    String path = "/api/offboardings/" + id + "/cta/signed";
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    byte[] issued = api.get("acme", "/api/offboardings/" + id + "/cta").body();
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee());
    byte[] tampered = signed.clone();
    tampered[11] ^= 0x01; // the header's binary comment: inside both signed ranges
    byte[] pageAdded = TestSigning.addPage(signed, "and a page nobody signed");

    Api.Response refused = api.put("acme", path, "application/pdf", tampered);
    Api.Response changed = api.put("acme", path, "application/pdf", pageAdded);
    Api.Response nothingStored = api.get("acme", path);
    Api.Response taken = api.put("acme", path, "application/pdf", signed);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("type").asText()).endsWith(":invalid-signature");
    assertThat(refused.json().path("detail").asText())
        .contains("Signature 1 (CN=Alice Assignor")
        .contains("the document was changed after it was signed");
    assertThat(changed.status()).isEqualTo(422);
    assertThat(changed.json().path("type").asText()).endsWith(":changed-after-signing");
    assertThat(changed.json().path("detail").asText())
        .contains("a page was added after signature 2");
    assertThat(changed.json().path("signatureReport").path("signatures").size()).isEqualTo(2);
    assertThat(nothingStored.status()).isEqualTo(409);

    assertThat(taken.status()).as(taken.toString()).isEqualTo(202);
    JsonNode report = taken.json();
    assertThat(report.path("signatureCount").asInt()).isEqualTo(2);
    assertThat(report.path("derivedFromIssuedCta").asBoolean()).isTrue();
    assertThat(report.path("identityTextPresent").asBoolean()).isTrue();
    assertThat(report.path("changesAfterSigning").size()).isZero();
    JsonNode first = report.path("signatures").get(0);
    JsonNode second = report.path("signatures").get(1);
    assertThat(first.path("signer").asText()).isEqualTo(TestPki.assignor().subject());
    assertThat(second.path("signer").asText()).isEqualTo(TestPki.assignee().subject());
    for (JsonNode signature : List.of(first, second)) {
      assertThat(signature.path("valid").asBoolean()).as(signature.toString()).isTrue();
      assertThat(signature.path("trusted").asBoolean()).as(signature.toString()).isTrue();
      assertThat(signature.path("issuer").asText()).contains("CN=Offboarding Test Signing CA");
      assertThat(signature.path("signedAt").asText()).isNotBlank();
    }
    assertThat(first.path("coversWholeDocument").asBoolean()).isFalse();
    assertThat(second.path("coversWholeDocument").asBoolean()).isTrue();
    assertThat(api.get("sales", path).body()).isEqualTo(signed);

    Document stored =
        documents.documents(UUID.fromString(id)).stream()
            .filter(document -> document.sha256().equals(report.path("sha256").asText()))
            .findFirst()
            .orElseThrow();
    SignatureReport storedReport = documents.signatureReport(stored).orElseThrow();
    assertThat(storedReport.signatures())
        .extracting(SignatureReport.Signature::signer)
        .containsExactly(TestPki.assignor().subject(), TestPki.assignee().subject());
    assertThat(storedReport.derivedFromIssuedCta()).isTrue();
  }

  @Test
  void theReportReachesTheResellersViewTheCountersignerTheTrailAndTheEvidenceBundle()
      throws IOException {
    String id = start("acme", randomPayer());
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    byte[] issued = api.get("acme", "/api/offboardings/" + id + "/cta").body();
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.untrusted());
    assertThat(
            api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf", signed)
                .status())
        .isEqualTo(202);

    JsonNode view = api.get("acme", "/api/offboardings/" + id).json().path("signedCta");
    assertThat(view.path("derivedFromIssuedCta").asBoolean()).as(view.toString()).isTrue();
    assertThat(view.path("signatures").size()).isEqualTo(2);
    assertThat(view.path("signatures").get(0).path("signer").asText())
        .isEqualTo(TestPki.assignor().subject());
    assertThat(view.path("signatures").get(0).path("trusted").asBoolean()).isTrue();
    assertThat(view.path("signatures").get(1).path("valid").asBoolean()).isTrue();
    assertThat(view.path("signatures").get(1).path("trusted").asBoolean()).isFalse();
    assertThat(view.path("signatures").get(1).path("coversWholeDocument").asBoolean()).isTrue();

    String task = awaitTask("sales", id, "Task_CountersignCta");
    JsonNode form = api.get("sales", "/engine-rest/task/" + task + "/form-variables").json();
    assertThat(form.path("signedCtaIssuedCtaVerdict").path("value").asText())
        .startsWith("Same document as issued");
    assertThat(form.path("signedCtaSignatures").path("value").asText())
        .contains("1. Signature by " + TestPki.assignor().subject())
        .contains("valid, trusted, later revisions follow it")
        .contains("2. Signature by " + TestPki.untrusted().subject())
        .contains("valid, not trusted, covers the whole document");

    JsonNode stored =
        StreamSupport.stream(
                api.get("auditor", "/api/audit/offboardings/" + id + "/trail")
                    .json()
                    .path("entries")
                    .spliterator(),
                false)
            .filter(entry -> entry.path("type").asText().equals("DOCUMENT_STORED"))
            .filter(entry -> entry.path("details").path("kind").asText().equals("CTA_SIGNED"))
            .findFirst()
            .orElseThrow();
    assertThat(stored.path("summary").asText())
        .contains("2 valid digital signature(s), 1 trusted; the issued CTA");
    assertThat(stored.path("details").path("signatureReport").path("signatures").size())
        .isEqualTo(2);

    Map<String, byte[]> bundle = new HashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(
            new ByteArrayInputStream(
                api.get("auditor", "/api/audit/offboardings/" + id + "/evidence").body()))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        bundle.put(entry.getName(), zip.readAllBytes());
      }
    }
    String reportFile =
        bundle.keySet().stream()
            .filter(name -> name.endsWith("-signed.signature-report.json"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(bundle.keySet().toString()));
    JsonNode bundled = new ObjectMapper().readTree(bundle.get(reportFile));
    assertThat(bundled.path("signatures").get(1).path("signer").asText())
        .isEqualTo(TestPki.untrusted().subject());
    assertThat(new String(bundle.get("SHA256SUMS"), StandardCharsets.UTF_8)).contains(reportFile);
  }
}
