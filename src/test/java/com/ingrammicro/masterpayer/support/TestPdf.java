package com.ingrammicro.masterpayer.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Small real PDF files for uploads. */
public final class TestPdf {

  private TestPdf() {}

  public static byte[] withText(String text) {
    return withText(text, document -> {});
  }

  /**
   * A one-page PDF that runs the script when it is opened (an OpenAction), as a hostile upload
   * would.
   */
  public static byte[] withJavaScript(String script) {
    return withText(
        "signed",
        document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(script)));
  }

  private static byte[] withText(String text, Consumer<PDDocument> change) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      change.accept(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
