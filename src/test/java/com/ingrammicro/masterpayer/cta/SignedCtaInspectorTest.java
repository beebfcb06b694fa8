package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ingrammicro.masterpayer.support.TestPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * Signed CTAs come from outside and are opened by people: active content is refused with the
 * reason, and files built to exhaust the reader (loops, depth, a deflate bomb) are refused quickly.
 * The malicious files are made with PDFBox itself, or byte by byte where PDFBox would not write
 * them.
 */
class SignedCtaInspectorTest {

  private static final Duration QUICKLY = Duration.ofSeconds(5);

  @Test
  void aPlainPdfIsAccepted() {
    assertThat(SignedCtaInspector.inspect(TestPdf.withText("signed")).pageCount()).isEqualTo(1);
  }

  @Test
  void javaScriptAnywhereIsRefusedWithTheReason() throws IOException {
    List<byte[]> withJavaScript =
        List.of(
            TestPdf.withJavaScript("app.alert('approved');"),
            build(
                document -> {
                  PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
                  scripts.setNames(java.util.Map.of("start", javaScript()));
                  PDDocumentNameDictionary names =
                      new PDDocumentNameDictionary(document.getDocumentCatalog());
                  names.setJavascript(scripts);
                  document.getDocumentCatalog().setNames(names);
                }),
            build(
                document -> {
                  PDPageAdditionalActions actions = new PDPageAdditionalActions();
                  actions.setO(javaScript());
                  document.getPage(0).setActions(actions);
                }),
            build(
                document -> {
                  PDAnnotationLink link = new PDAnnotationLink();
                  link.setRectangle(new PDRectangle(10, 10, 100, 20));
                  link.setAction(javaScript());
                  document.getPage(0).getAnnotations().add(link);
                }),
            build(
                document -> {
                  PDAcroForm form = new PDAcroForm(document);
                  document.getDocumentCatalog().setAcroForm(form);
                  PDTextField field = new PDTextField(form);
                  field.setPartialName("signature");
                  PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
                  actions.setK(javaScript());
                  field.setActions(actions);
                  PDAnnotationWidget widget = field.getWidgets().get(0);
                  widget.setRectangle(new PDRectangle(10, 10, 100, 20));
                  widget.setPage(document.getPage(0));
                  document.getPage(0).getAnnotations().add(widget);
                  form.getFields().add(field);
                }));

    for (byte[] pdf : withJavaScript) {
      assertRefused(pdf, "JavaScript");
    }
  }

  @Test
  void aLaunchActionIsRefused() throws IOException {
    byte[] pdf =
        build(
            document -> {
              PDActionLaunch launch = new PDActionLaunch();
              launch.setFile(new PDComplexFileSpecification());
              launch.getCOSObject().setString(COSName.F, "cmd.exe");
              document.getDocumentCatalog().setOpenAction(launch);
            });

    assertRefused(pdf, "launch action");
  }

  @Test
  void embeddedFilesAndFileAttachmentsAreRefused() throws IOException {
    byte[] inNamesTree =
        build(
            document -> {
              PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
              files.setNames(java.util.Map.of("payload.exe", embeddedFile(document)));
              PDDocumentNameDictionary names =
                  new PDDocumentNameDictionary(document.getDocumentCatalog());
              names.setEmbeddedFiles(files);
              document.getDocumentCatalog().setNames(names);
            });
    byte[] asAnnotation =
        build(
            document -> {
              PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
              attachment.setRectangle(new PDRectangle(10, 10, 20, 20));
              attachment.setFile(embeddedFile(document));
              document.getPage(0).getAnnotations().add(attachment);
            });

    assertRefused(inNamesTree, "embedded files");
    assertRefused(asAnnotation, "embedded files");
  }

  @Test
  void aPageTreeThatLoopsIsRefused() {
    // the second /Pages node names the first as its kid
    byte[] pdf =
        rawPdf(
            List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"));

    assertRefused(pdf, "loop");
  }

  @Test
  void aPageTreeThreeThousandLevelsDeepIsRefused() {
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    int depth = 3000;
    for (int level = 0; level < depth; level++) {
      int number = objects.size() + 1;
      objects.add("<< /Type /Pages /Kids [" + (number + 1) + " 0 R] /Count 1 >>");
    }
    objects.add("<< /Type /Page /MediaBox [0 0 612 792] >>");

    assertRefused(rawPdf(objects), "levels deep");
  }

  @Test
  void objectsNestedThreeThousandLevelsDeepAreRefused() {
    String nested = "[".repeat(3000) + "]".repeat(3000);
    byte[] pdf =
        rawPdf(
            List.of(
                "<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
                nested));

    assertRefused(pdf, "nested too deeply");
  }

  @Test
  void aDeflateBombOf512MegabytesIsRefusedWithoutInflatingIt() {
    byte[] bomb = deflatedZeros(512L * 1024 * 1024);
    byte[] pdf =
        rawPdf(
            List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                new String(bomb, StandardCharsets.ISO_8859_1)),
            4);
    Runtime runtime = Runtime.getRuntime();
    long usedBefore = runtime.totalMemory() - runtime.freeMemory();

    assertRefused(pdf, "decompresses to more than");
    long usedAfter = runtime.totalMemory() - runtime.freeMemory();
    assertThat(usedAfter - usedBefore)
        .as("the inflated content is never held")
        .isLessThan(256L * 1024 * 1024);
  }

  // --- building the files ----------------------------------------------------------------------

  private interface Change {
    void apply(PDDocument document) throws IOException;
  }

  private static byte[] build(Change change) throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      change.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static PDActionJavaScript javaScript() {
    return new PDActionJavaScript("app.alert('approved');");
  }

  private static PDComplexFileSpecification embeddedFile(PDDocument document) throws IOException {
    PDEmbeddedFile file =
        new PDEmbeddedFile(
            document, new java.io.ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile("payload.exe");
    spec.setEmbeddedFile(file);
    return spec;
  }

  private static byte[] rawPdf(List<String> objects) {
    return rawPdf(objects, -1);
  }

  /**
   * A PDF written byte by byte; the object numbered {@code flateStream} is a FlateDecode stream of
   * its text.
   */
  private static byte[] rawPdf(List<String> objects, int flateStream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.7\n");
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      int number = i + 1;
      String body = objects.get(i);
      if (number == flateStream) {
        write(
            out,
            number
                + " 0 obj\n<< /Length "
                + body.length()
                + " /Filter /FlateDecode >>\nstream\n"
                + body
                + "\nendstream\nendobj\n");
      } else {
        write(out, number + " 0 obj\n" + body + "\nendobj\n");
      }
    }
    int xref = out.size();
    StringBuilder table =
        new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(offset -> table.append("%010d 00000 n \n".formatted(offset)));
    write(
        out,
        table
            + "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static byte[] deflatedZeros(long size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1024 * 1024];
    byte[] buffer = new byte[64 * 1024];
    for (long written = 0; written < size; written += zeros.length) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static void assertRefused(byte[] pdf, String reason) {
    long start = System.nanoTime();
    ErrorResponseException refused =
        catchThrowableOfType(ErrorResponseException.class, () -> SignedCtaInspector.inspect(pdf));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(refused).as("refused: " + reason).isNotNull();
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().getType().toString()).endsWith("unsafe-pdf");
    assertThat(refused.getBody().getDetail()).contains(reason);
    assertThat(took).as("refused quickly").isLessThan(QUICKLY);
  }
}
