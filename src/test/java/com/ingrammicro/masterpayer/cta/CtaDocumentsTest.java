package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.system.Digests;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class CtaDocumentsTest {

  private static CtaPdf.Terms terms(String reason) {
    return new CtaPdf.Terms(
        UUID.fromString("5b0c8f3e-0000-4000-8000-000000000001"),
        "123456789012",
        "Acme Cloud Solutions Ltd",
        "ACME",
        "Contoso Distribution",
        "DISTRIBUTOR",
        "billing@contoso.example",
        "Ingram Micro Inc.",
        reason,
        LocalDate.of(2026, 11, 26));
  }

  @Test
  void ctaNamesTheThreePartiesThePayerAndTheConditions() throws Exception {
    byte[] pdf = CtaPdf.render(terms("Moving to another distributor"));

    String text = textOf(pdf);
    assertThat(text)
        .contains(
            "CONSENT TO ASSIGNMENT",
            "AWS Master Payer account 123456789012",
            "Assignor: Acme Cloud Solutions Ltd (reseller ACME)",
            "Assignee: Contoso Distribution (distributor), billing@contoso.example",
            "Consenting Party: Ingram Micro Inc.",
            "IMBillingRole",
            "CloudCheckr",
            "outstanding balance",
            "5b0c8f3e-0000-4000-8000-000000000001",
            "Moving to another distributor");
  }

  @Test
  void issuedCtaIsTheRenderedDocumentPlusAnUpdateThatPrintsItsIdentityOnEveryPage()
      throws Exception {
    CtaPdf.Terms terms = terms("Moving on " + "word ".repeat(900));
    byte[] rendered = CtaPdf.render(terms);

    byte[] issued = CtaPdf.withIdentity(rendered, identity(terms, rendered));

    assertThat(issued.length).isGreaterThan(rendered.length);
    assertThat(Arrays.equals(issued, 0, rendered.length, rendered, 0, rendered.length))
        .as("the rendered CTA is a byte prefix of the issued file")
        .isTrue();
    String line =
        "CTA 5b0c8f3e-0000-4000-8000-000000000001 \u00b7 SHA-256 " + Digests.sha256Hex(rendered);
    try (PDDocument document = Loader.loadPDF(issued)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        assertThat(stripper.getText(document)).as("page " + page).contains(line);
      }
      assertThat(document.getDocumentInformation().getCustomMetadataValue("CtaContentSha256"))
          .isEqualTo(Digests.sha256Hex(rendered));
    }
    assertThat(CtaPdf.identityOf(issued)).contains(identity(terms, rendered));
    assertThat(CtaPdf.identityOf(rendered)).isEmpty();
  }

  private static CtaPdf.Identity identity(CtaPdf.Terms terms, byte[] rendered) {
    return new CtaPdf.Identity(terms.offboardingId(), Digests.sha256Hex(rendered));
  }

  @Test
  void eachPartysSignatureAnchorAppearsOnceOnOneLine() throws Exception {
    String text = textOf(CtaPdf.render(terms("Moving to another distributor")));

    for (String party : new String[] {CtaPdf.ASSIGNOR, CtaPdf.ASSIGNEE, CtaPdf.CONSENTING_PARTY}) {
      String anchor = CtaPdf.signatureAnchor(party);
      assertThat(text.split(java.util.regex.Pattern.quote(anchor), -1))
          .as("an e-signature provider places a field on every match of " + anchor)
          .hasSize(2);
      assertThat(text.lines().filter(line -> line.contains(anchor)))
          .singleElement()
          .asString()
          .contains("Date:", "____");
    }
  }

  @Test
  void textOutsideTheStandardFontsIsReplacedAndLongTextFlowsOntoMorePages() throws Exception {
    byte[] pdf = CtaPdf.render(terms("Übergabe an 分销商 " + "word ".repeat(900)));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
    assertThat(textOf(pdf)).contains("Übergabe an ???");
  }

  @Test
  void inspectorAcceptsARealPdfAndCountsItsPages() {
    SignedCtaInspector.Inspection inspection =
        SignedCtaInspector.inspect(TestPdf.withText("signed"));

    assertThat(inspection.pageCount()).isEqualTo(1);
    assertThat(inspection.signatureCount()).isZero();
  }

  @Test
  void inspectorRefusesWhatIsNotAReadablePdfAs415() throws Exception {
    assertUnsupported("GIF89a".getBytes());
    assertUnsupported("%PDF-1.7\nnot really".getBytes());
    assertUnsupported(new byte[0]);
    assertUnsupported(passwordProtected(TestPdf.withText("secret")));
  }

  private static void assertUnsupported(byte[] content) {
    assertThatThrownBy(() -> SignedCtaInspector.inspect(content))
        .isInstanceOfSatisfying(
            ErrorResponseException.class,
            problem ->
                assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
  }

  private static byte[] passwordProtected(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static String textOf(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
