package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.system.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders the Consent to Assignment as a PDF the parties can sign. The issued file is two
 * revisions: the rendered CTA, and one incremental update that writes its identity (the
 * offboarding's id and the SHA-256 of the first revision) into the document information and as a
 * footer line on every page. The digest printed is that of the first revision because a digest
 * cannot be inside the bytes it covers (docs/cta.md, "The issued CTA").
 */
final class CtaPdf {

  /** The facts the CTA states. */
  record Terms(
      UUID offboardingId,
      String payerAccountId,
      String assignor,
      String assignorId,
      String assignee,
      String assigneeKind,
      String assigneeEmail,
      String consentingParty,
      String reason,
      LocalDate issuedOn) {}

  /** What the issued CTA says about itself: whose it is and the SHA-256 of its first revision. */
  record Identity(UUID offboardingId, String contentSha256) {

    /** The footer line of every page of the issued CTA. */
    String line() {
      return "CTA " + offboardingId + " \u00b7 SHA-256 " + contentSha256;
    }
  }

  /** The document information entry that holds the offboarding's id. */
  static final String OFFBOARDING_ID_KEY = "CtaOffboardingId";

  /** The document information entry that holds the SHA-256 of the first revision. */
  static final String CONTENT_SHA256_KEY = "CtaContentSha256";

  /** The parties as the signature blocks name them. */
  static final String ASSIGNOR = "Assignor";

  static final String ASSIGNEE = "Assignee";
  static final String CONSENTING_PARTY = "Consenting Party";

  /**
   * The text that starts a party's signature line, once in the document: e-signature providers
   * place that party's signature field on it ({@code anchorString}).
   */
  static String signatureAnchor(String party) {
    return party + "'s signature:";
  }

  private static final float MARGIN = 56;
  private static final float FOOTER_SIZE = 7;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private CtaPdf() {}

  /** The CTA as it is issued: the rendered document plus the update that carries its identity. */
  static byte[] issue(Terms terms) {
    byte[] rendered = render(terms);
    return withIdentity(rendered, new Identity(terms.offboardingId(), Digests.sha256Hex(rendered)));
  }

  /**
   * Appends the identity as an incremental update: {@code rendered} stays a byte prefix of the
   * result, so its SHA-256 can be printed in it.
   */
  static byte[] withIdentity(byte[] rendered, Identity identity) {
    try (PDDocument document = Loader.loadPDF(rendered)) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setCustomMetadataValue(OFFBOARDING_ID_KEY, identity.offboardingId().toString());
      info.setCustomMetadataValue(CONTENT_SHA256_KEY, identity.contentSha256());
      info.getCOSObject().setNeedToBeUpdated(true);
      document.getDocument().getTrailer().setNeedToBeUpdated(true);
      PDType1Font font = Layout.REGULAR;
      float width = font.getStringWidth(identity.line()) / 1000 * FOOTER_SIZE;
      for (PDPage page : document.getPages()) {
        try (PDPageContentStream footer =
            new PDPageContentStream(
                document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          footer.beginText();
          footer.setFont(font, FOOTER_SIZE);
          footer.newLineAtOffset((page.getMediaBox().getWidth() - width) / 2, MARGIN / 2);
          footer.showText(identity.line());
          footer.endText();
        }
        page.getCOSObject().setNeedToBeUpdated(true);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the identity of the CTA of offboarding " + identity.offboardingId(), e);
    }
  }

  /** The identity an issued CTA carries in its document information, if it carries one. */
  static Optional<Identity> identityOf(byte[] issued) {
    try (PDDocument document = Loader.loadPDF(issued)) {
      PDDocumentInformation info = document.getDocumentInformation();
      String id = info.getCustomMetadataValue(OFFBOARDING_ID_KEY);
      String sha256 = info.getCustomMetadataValue(CONTENT_SHA256_KEY);
      if (id == null || sha256 == null) {
        return Optional.empty();
      }
      return Optional.of(new Identity(UUID.fromString(id), sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the identity of an issued CTA", e);
    }
  }

  /** The rendered CTA, the first revision of the issued file. */
  static byte[] render(Terms terms) {
    try (PDDocument document = new PDDocument();
        Layout layout = new Layout(document)) {
      layout.heading("CONSENT TO ASSIGNMENT", 18);
      layout.paragraph("AWS Master Payer account " + terms.payerAccountId(), Layout.BOLD, 12);
      layout.paragraph(
          "Reference " + terms.offboardingId() + "    Issued on " + terms.issuedOn(),
          Layout.REGULAR,
          9);
      layout.space(10);
      layout.heading("Parties", 13);
      layout.paragraph(
          "Assignor: " + terms.assignor() + " (reseller " + terms.assignorId() + ")",
          Layout.REGULAR,
          11);
      layout.paragraph(
          "Assignee: "
              + terms.assignee()
              + " ("
              + terms.assigneeKind().toLowerCase().replace('_', ' ')
              + "), "
              + terms.assigneeEmail(),
          Layout.REGULAR,
          11);
      layout.paragraph(
          "Consenting Party: " + terms.consentingParty() + " (the distributor)",
          Layout.REGULAR,
          11);
      layout.space(10);
      layout.heading("Terms", 13);
      for (String clause : clauses(terms)) {
        layout.paragraph(clause, Layout.REGULAR, 11);
        layout.space(4);
      }
      layout.space(10);
      layout.heading("Signatures", 13);
      layout.signatureBlock(ASSIGNOR, terms.assignor());
      layout.signatureBlock(ASSIGNEE, terms.assignee());
      layout.signatureBlock(CONSENTING_PARTY, terms.consentingParty());
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Consent to Assignment - AWS Master Payer account " + terms.payerAccountId());
      info.setSubject("Offboarding " + terms.offboardingId());
      info.setCreator("Master Payer Offboarding Engine");
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      created.clear();
      created.set(
          terms.issuedOn().getYear(),
          terms.issuedOn().getMonthValue() - 1,
          terms.issuedOn().getDayOfMonth());
      info.setCreationDate(created);
      layout.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot render the CTA of offboarding " + terms.offboardingId(), e);
    }
  }

  private static List<String> clauses(Terms terms) {
    return List.of(
        "1. Assignment. The Assignor assigns to the Assignee, and the Assignee accepts, the Assignor's rights and "
            + "obligations for AWS Master Payer account "
            + terms.payerAccountId()
            + " (the \"Payer Account\") under "
            + "the distribution arrangement through which the Assignor buys AWS services for the Payer Account from "
            + "the Consenting Party.",
        "2. Consent. The Consenting Party consents to this assignment on the conditions of clause 3. "
            + "The consent takes effect when the Consenting Party countersigns this document.",
        "3. Conditions. The assignment takes effect once (a) all billing information of the Payer Account - payment "
            + "method, billing, tax and contact details - is set up for the Assignee and the Payer Account's tax "
            + "settings no longer inherit the tax registration of the Consenting Party; (b) all policies "
            + "and cross-account roles of the distributor, including but not limited to CloudCheckr and IMBillingRole, "
            + "are removed from the Payer Account; and (c) the Assignor has no outstanding balance with the "
            + "Consenting Party.",
        "4. Earlier usage. Amounts for usage of the Payer Account before the assignment takes effect remain payable "
            + "by the Assignor.",
        "5. Reason given by the Assignor: " + terms.reason());
  }

  /** Writes wrapped text top-down and starts a new page when one is full. */
  private static final class Layout implements AutoCloseable {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document;
    private PDPageContentStream content;
    private float y;

    Layout(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void heading(String text, float size) throws IOException {
      space(4);
      paragraph(text, BOLD, size);
      space(2);
    }

    void paragraph(String text, PDType1Font font, float size) throws IOException {
      for (String line : wrap(printable(text, font), font, size)) {
        float leading = size * 1.35f;
        if (y - leading < MARGIN) {
          newPage();
        }
        y -= leading;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(line);
        content.endText();
      }
    }

    void signatureBlock(String party, String name) throws IOException {
      if (y - 90 < MARGIN) {
        newPage();
      }
      space(14);
      paragraph(party + ": " + name, BOLD, 11);
      paragraph("Name and title: ______________________________________", REGULAR, 11);
      space(8);
      paragraph(
          "Date: ________________   " + signatureAnchor(party) + " ______________________",
          REGULAR,
          11);
    }

    void space(float points) {
      y -= points;
    }

    private void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split("\\s+")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
      return lines;
    }

    /** The standard fonts cover WinAnsi only; anything else a reseller typed becomes '?'. */
    private static String printable(String text, PDType1Font font) {
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints()
          .forEach(
              codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                  font.encode(character);
                  out.append(Character.isISOControl(codePoint) ? " " : character);
                } catch (IOException | IllegalArgumentException notEncodable) {
                  out.append('?');
                }
              });
      return out.toString();
    }

    @Override
    public void close() throws IOException {
      if (content != null) {
        content.close();
        content = null;
      }
    }
  }
}
