package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.TestPdf;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;

/**
 * The signing fixture others build on: each signature is an incremental update (the document before
 * it is a byte prefix), its /ByteRange covers the file but the signature value, and the CMS
 * verifies over those bytes with the signer's certificate.
 */
class TestSigningTest {

  @Test
  void twoSignaturesAreTwoIncrementalUpdatesEachCoveringTheFileUpToItself() throws Exception {
    byte[] original = TestPdf.withText("Consent to Assignment");

    byte[] once = TestSigning.sign(original, TestPki.assignor());
    byte[] twice = TestSigning.sign(once, TestPki.assignee());

    assertThat(Arrays.equals(once, 0, original.length, original, 0, original.length)).isTrue();
    assertThat(Arrays.equals(twice, 0, once.length, once, 0, once.length)).isTrue();
    try (PDDocument document = Loader.loadPDF(twice)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(2);
      assertThat(signatures)
          .extracting(signature -> end(signature.getByteRange()))
          .containsExactlyInAnyOrder(once.length, twice.length);
      for (PDSignature signature : signatures) {
        CMSSignedData cms =
            new CMSSignedData(
                new CMSProcessableByteArray(signature.getSignedContent(twice)),
                new ByteArrayInputStream(signature.getContents(twice)));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(
                signer.verify(
                    new JcaSimpleSignerInfoVerifierBuilder()
                        .build(
                            signature.getName().equals("Alice Assignor")
                                ? TestPki.assignor().certificate()
                                : TestPki.assignee().certificate())))
            .isTrue();
      }
    }
  }

  @Test
  void aPageAddedAfterSigningIsAnotherIncrementalUpdate() throws Exception {
    byte[] signed = TestSigning.sign(TestPdf.withText("Consent"), TestPki.assignor());

    byte[] changed = TestSigning.addPage(signed, "added later");
    byte[] stamped =
        TestSigning.timestampDocument(signed, TestPki.timestampAuthority(), Instant.now());

    assertThat(Arrays.equals(changed, 0, signed.length, signed, 0, signed.length)).isTrue();
    try (PDDocument document = Loader.loadPDF(changed)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
    }
    try (PDDocument document = Loader.loadPDF(stamped)) {
      assertThat(document.getSignatureDictionaries()).hasSize(2);
    }
  }

  private static int end(int[] byteRange) {
    return byteRange[2] + byteRange[3];
  }
}
