package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.system.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Checks that an upload really is a readable PDF (not just a file called one) and reads what the
 * countersigner needs to know: pages and digital signatures.
 */
final class SignedCtaInspector {

  record Inspection(int pageCount, int signatureCount) {}

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private SignedCtaInspector() {}

  static Inspection inspect(byte[] content) {
    if (content.length < PDF_MAGIC.length || !Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
      throw notAPdf("The upload does not start like a PDF file.");
    }
    try (PDDocument pdf = Loader.loadPDF(content)) {
      if (pdf.getNumberOfPages() == 0) {
        throw notAPdf("The PDF has no pages.");
      }
      return new Inspection(pdf.getNumberOfPages(), pdf.getSignatureDictionaries().size());
    } catch (InvalidPasswordException e) {
      throw notAPdf("The PDF is password-protected; upload it without an open password.");
    } catch (IOException e) {
      throw notAPdf("The PDF cannot be read: " + e.getMessage());
    }
  }

  private static ErrorResponseException notAPdf(String detail) {
    return Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-pdf", "Not a readable PDF", detail);
  }
}
