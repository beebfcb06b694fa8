package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ingrammicro.masterpayer.cta.SignatureReport.Kind;
import com.ingrammicro.masterpayer.cta.SignatureReport.Signature;
import com.ingrammicro.masterpayer.cta.SignatureReport.SigningTimeSource;
import com.ingrammicro.masterpayer.support.TestPdf;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The verifier on real signatures: certificates from {@link TestPki}, PDFs signed by {@link
 * TestSigning} as incremental updates of the CTA issued for one offboarding, trust from a PKCS12
 * trust store written for the test. Each case says what the report shows and what the policy makes
 * of it.
 */
class CtaSignaturesTest {

  static final UUID OFFBOARDING = UUID.fromString("5b0c8f3e-0000-4000-8000-000000000013");

  static CtaSignatures verifier;
  static byte[] issued;
  static CtaPdf.Identity identity;

  @BeforeAll
  static void issueTheCtaAndTrustTheTestRoot(@TempDir Path directory) {
    verifier =
        new CtaSignatures(
            SignatureTrust.of(
                new FileSystemResource(TestPki.writeTrustStore(directory)),
                TestPki.TRUST_STORE_PASSWORD),
            Clock.systemUTC());
    issued =
        CtaPdf.issue(
            new CtaPdf.Terms(
                OFFBOARDING,
                "123456789012",
                "Acme Cloud Solutions Ltd",
                "ACME",
                "Contoso Distribution",
                "DISTRIBUTOR",
                "billing@contoso.example",
                "Ingram Micro Inc.",
                "Moving to another distributor",
                LocalDate.of(2026, 11, 26)));
    identity = CtaPdf.identityOf(issued).orElseThrow();
  }

  @Test
  void oneValidTrustedSignatureOfTheIssuedCta() {
    byte[] signed = TestSigning.sign(issued, TestPki.assignor());

    SignatureReport report = verify(signed);

    assertThat(report.signatures()).hasSize(1);
    Signature signature = report.signatures().get(0);
    assertThat(signature.kind()).isEqualTo(Kind.SIGNATURE);
    assertThat(signature.signer()).isEqualTo(TestPki.assignor().subject());
    assertThat(signature.issuer()).isEqualTo("CN=Offboarding Test Signing CA,O=Test PKI,C=GB");
    assertThat(signature.serial())
        .isEqualTo(TestPki.assignor().certificate().getSerialNumber().toString(16));
    assertThat(signature.valid()).as(signature.problems().toString()).isTrue();
    assertThat(signature.trusted()).as(signature.trust()).isTrue();
    assertThat(signature.trust())
        .contains("CN=Offboarding Test Root CA")
        .contains("revocation (CRL, OCSP) was not checked");
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.signedAtSource()).isEqualTo(SigningTimeSource.SIGNING_TIME_ATTRIBUTE);
    assertThat(signature.signedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat(signature.timestampedAt()).isNull();
    assertThat(report.derivedFromIssuedCta()).isTrue();
    assertThat(report.identityTextPresent()).isTrue();
    assertThat(report.changesAfterSigning()).isEmpty();
    assertThat(report.revocationChecked()).isFalse();
    assertAccepted(report, 1);
    assertRefused(report, 2, "too-few-signatures", "needs 2 valid digital signatures");
  }

  @Test
  void twoValidSignaturesTheFirstCoveringItsRevisionTheSecondTheWholeFile() {
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee());

    SignatureReport report = verify(signed);

    assertThat(report.signatures())
        .extracting(Signature::signer, Signature::valid, Signature::trusted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TestPki.assignor().subject(), true, true),
            org.assertj.core.groups.Tuple.tuple(TestPki.assignee().subject(), true, true));
    assertThat(report.signatures())
        .extracting(Signature::coversWholeDocument)
        .containsExactly(false, true);
    assertThat(report.changesAfterSigning()).isEmpty();
    assertThat(report.derivedFromIssuedCta()).isTrue();
    assertAccepted(report, 2);
  }

  @Test
  void oneSignerSigningTwiceIsOneSignatureForThePolicy() {
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignor());

    SignatureReport report = verify(signed);

    assertThat(report.signatures()).extracting(Signature::valid).containsExactly(true, true);
    assertThat(report.validSignatureCount()).isEqualTo(1);
    assertRefused(report, 2, "too-few-signatures", "by different signers");
  }

  @Test
  void aCopyOfASignatureInASecondFieldIsNotASecondSignature() throws Exception {
    byte[] signed = TestSigning.sign(issued, TestPki.assignor());
    byte[] copied;
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
      PDSignatureField field = new PDSignatureField(form);
      field
          .getCOSObject()
          .setItem(
              COSName.V,
              new COSDictionary(document.getSignatureDictionaries().get(0).getCOSObject()));
      PDAnnotationWidget widget = field.getWidgets().get(0);
      widget.setRectangle(new PDRectangle(0, 0, 0, 0));
      widget.setPage(document.getPage(0));
      document.getPage(0).getAnnotations().add(widget);
      form.getFields().add(field);
      document.getPage(0).getCOSObject().setNeedToBeUpdated(true);
      form.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      copied = out.toByteArray();
    }

    SignatureReport report = verify(copied);

    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(1).valid()).isFalse();
    assertThat(report.signatures().get(1).problems())
        .contains("it covers the same bytes as signature 1, of which it is a copy");
    assertThat(report.validSignatureCount()).isEqualTo(1);
    assertRefused(report, 0, "invalid-signature", "Signature 2");
  }

  @Test
  void aByteChangedInsideTheSignedRangeBreaksBothDigests() {
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee());
    // the binary comment on the header's second line: readers ignore it, the signatures cover it
    signed[11] ^= 0x01;

    SignatureReport report = verify(signed);

    assertThat(report.signatures()).extracting(Signature::valid).containsExactly(false, false);
    assertThat(report.signatures().get(0).problems())
        .anySatisfy(problem -> assertThat(problem).contains("does not match the digest it signed"));
    assertThat(report.derivedFromIssuedCta()).isFalse();
    assertRefused(report, 0, "invalid-signature", "Signature 1 (CN=Alice Assignor");
  }

  @Test
  void aPageAddedAfterSigningIsNamedAndRefused() {
    byte[] signed =
        TestSigning.addPage(TestSigning.sign(issued, TestPki.assignor()), "I also agree to pay");

    SignatureReport report = verify(signed);

    assertThat(report.signatures().get(0).valid()).isTrue();
    assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
    assertThat(report.changesAfterSigning()).contains("a page was added after signature 1");
    assertRefused(report, 0, "changed-after-signing", "a page was added after signature 1");
  }

  @Test
  void textWrittenOnAPageAfterTheSecondSignatureIsNamed() {
    byte[] signed =
        TestSigning.addText(
            TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee()),
            0,
            "void");

    SignatureReport report = verify(signed);

    assertThat(report.changesAfterSigning())
        .containsExactly("page 1's content changed after signature 2");
    assertRefused(report, 2, "changed-after-signing", "page 1's content changed after signature 2");
  }

  @Test
  void aSignatureDictionaryRewrittenAfterSigningIsNamed() throws Exception {
    byte[] signed = TestSigning.sign(issued, TestPki.assignor());
    byte[] rewritten;
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getSignatureDictionaries().get(0);
      signature.setReason("Nothing agreed");
      signature.getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      rewritten = out.toByteArray();
    }

    SignatureReport report = verify(rewritten);

    assertThat(report.changesAfterSigning())
        .singleElement()
        .satisfies(
            change ->
                assertThat(change)
                    .startsWith("the signature dictionary in object")
                    .endsWith("changed after signature 1"));
  }

  @Test
  void anAnnotationAddedAfterSigningIsNamedButASecondSignatureIsNot() throws Exception {
    byte[] signed = TestSigning.sign(issued, TestPki.assignor());
    byte[] annotated;
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDAnnotationText note = new PDAnnotationText();
      note.setRectangle(new PDRectangle(100, 100, 20, 20));
      note.setContents("Not binding");
      document.getPage(0).getAnnotations().add(note);
      document.getPage(0).getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      annotated = out.toByteArray();
    }

    SignatureReport report = verify(TestSigning.sign(annotated, TestPki.assignee()));

    assertThat(report.changesAfterSigning())
        .containsExactly("an annotation (Text) was added to page 1 after signature 1");
    assertThat(report.signatures()).extracting(Signature::valid).containsExactly(true, true);
  }

  @Test
  void aValidSignatureOverAnotherPdfIsNotDerivedFromTheIssuedCta() {
    byte[] otherPdf =
        TestSigning.sign(TestPdf.withText("a consent of our own"), TestPki.assignor());
    byte[] reRendered =
        TestSigning.sign(TestPdf.withText("Printed copy " + identity.line()), TestPki.assignor());

    SignatureReport other = verify(otherPdf);
    SignatureReport printed = verify(reRendered);

    assertThat(other.signatures().get(0).valid()).isTrue();
    assertThat(other.derivedFromIssuedCta()).isFalse();
    assertThat(other.identityTextPresent()).isFalse();
    assertThat(printed.derivedFromIssuedCta()).isFalse();
    assertThat(printed.identityTextPresent()).isTrue();
    assertAccepted(other, 1);
  }

  @Test
  void anExpiredCertificateIsNotValidAndRefused() {
    byte[] signed = TestSigning.sign(issued, TestPki.expired());

    Signature signature = verify(signed).signatures().get(0);

    assertThat(signature.valid()).isFalse();
    assertThat(signature.trusted()).isFalse();
    assertThat(signature.problems())
        .anySatisfy(
            problem ->
                assertThat(problem).contains("expired on").contains("before the signing time"));
    assertRefused(verify(signed), 0, "invalid-signature", "expired on");
  }

  @Test
  void aSignatureUnderAnUntrustedRootIsValidUntrustedAndAccepted() {
    byte[] signed = TestSigning.sign(issued, TestPki.untrusted());

    SignatureReport report = verify(signed);

    Signature signature = report.signatures().get(0);
    assertThat(signature.valid()).as(signature.problems().toString()).isTrue();
    assertThat(signature.trusted()).isFalse();
    assertThat(signature.trust()).startsWith("No chain to a trusted root was found");
    assertAccepted(report, 1);
  }

  @Test
  void aTimestampGivesTheSigningTimeSoACertificateExpiredSinceStillSigned() {
    Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730)).truncatedTo(ChronoUnit.SECONDS);
    byte[] signed =
        TestSigning.signTimestamped(
            issued, TestPki.expired(), Instant.now(), TestPki.timestampAuthority(), twoYearsAgo);

    Signature signature = verify(signed).signatures().get(0);

    assertThat(signature.timestampedAt()).isEqualTo(twoYearsAgo);
    assertThat(signature.signedAt()).isEqualTo(twoYearsAgo);
    assertThat(signature.signedAtSource()).isEqualTo(SigningTimeSource.TIMESTAMP);
    assertThat(signature.valid()).as(signature.problems().toString()).isTrue();
    assertThat(signature.trusted()).isTrue();
    assertThat(signature.trust()).contains("The timestamp authority CN=Offboarding Test TSA");
  }

  @Test
  void aDocumentTimestampIsValidationDataNotASignature() {
    byte[] signed =
        TestSigning.timestampDocument(
            TestSigning.sign(issued, TestPki.assignor()),
            TestPki.timestampAuthority(),
            Instant.now());

    SignatureReport report = verify(signed);

    assertThat(report.signatures())
        .extracting(Signature::kind, Signature::valid)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.SIGNATURE, true),
            org.assertj.core.groups.Tuple.tuple(Kind.DOCUMENT_TIMESTAMP, true));
    assertThat(report.signatures().get(1).signer())
        .isEqualTo(TestPki.timestampAuthority().subject());
    assertThat(report.changesAfterSigning()).isEmpty();
    assertThat(report.validSignatureCount()).isEqualTo(1);
    assertRefused(report, 2, "too-few-signatures", "it has 1");
  }

  @Test
  void aScanWithoutSignaturesPassesPolicyZeroOnlyAndIsNotDerived() {
    SignatureReport report = verify(TestPdf.withText("scanned signatures"));

    assertThat(report.signatures()).isEmpty();
    assertThat(report.derivedFromIssuedCta()).isFalse();
    assertAccepted(report, 0);
    assertRefused(report, 2, "too-few-signatures", "it has 0");
  }

  @Test
  void theIssuedCtaUnchangedIsDerivedButUnsigned() {
    SignatureReport report = verify(issued);

    assertThat(report.signatures()).isEmpty();
    assertThat(report.derivedFromIssuedCta()).isTrue();
    assertThat(report.identityTextPresent()).isTrue();
    assertRefused(report, 1, "too-few-signatures", "it has 0");
  }

  @Test
  void theIssuedCtaEditedBeforeSigningOrUnsignedIsNotTheIssuedDocument() {
    byte[] editedUnsigned = TestSigning.addText(issued, 0, "and a clause nobody agreed to");
    byte[] editedThenSigned = TestSigning.sign(editedUnsigned, TestPki.assignor());
    byte[] signedOnly = TestSigning.sign(issued, TestPki.assignor());

    assertThat(verify(editedUnsigned).derivedFromIssuedCta()).isFalse();
    assertThat(verify(editedUnsigned).identityTextPresent()).isTrue();
    assertThat(verify(editedThenSigned).derivedFromIssuedCta()).isFalse();
    assertThat(verify(editedThenSigned).changesAfterSigning()).isEmpty();
    assertThat(verify(signedOnly).derivedFromIssuedCta()).isTrue();
  }

  private static SignatureReport verify(byte[] pdf) {
    return verifier
        .verify(pdf, new CtaSignatures.Issued(issued, java.util.Optional.of(identity)))
        .report();
  }

  private static void assertAccepted(SignatureReport report, int required) {
    assertThatCode(() -> SignaturePolicy.check(report, required)).doesNotThrowAnyException();
  }

  private static void assertRefused(
      SignatureReport report, int required, String type, String detail) {
    ErrorResponseException refused =
        catchThrowableOfType(
            ErrorResponseException.class, () -> SignaturePolicy.check(report, required));
    assertThat(refused).as("refused under policy " + required).isNotNull();
    ProblemDetail problem = refused.getBody();
    assertThat(problem.getStatus()).isEqualTo(422);
    assertThat(problem.getType().toString()).endsWith(":" + type);
    assertThat(problem.getDetail()).contains(detail);
    assertThat(problem.getProperties()).containsEntry("signatureReport", report);
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        duration.toSeconds(), ChronoUnit.SECONDS);
  }
}
