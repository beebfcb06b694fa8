package com.ingrammicro.masterpayer.cta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A signature report in words, for the people who decide on it (the countersignature form) and read
 * it later (the audit trail): one paragraph per signature, and the verdict on whether the copy is
 * the CTA that was issued. The signer's and issuer's names come from certificates the reseller
 * chose, so they are shown as they are, never as markup (the form shows them in disabled fields).
 */
public final class SignatureReportText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The engine keeps a string variable in a 4,000-character column. */
  private static final int MAX_LENGTH = 3_800;

  private SignatureReportText() {}

  /** Each signature, numbered in signing order; a sentence that there is none when unsigned. */
  public static String signatures(SignatureReport report) {
    if (report.signatures().isEmpty()) {
      return "No digital signature: the copy is unsigned (a scan or a printout). Check every"
          + " handwritten signature by eye.";
    }
    List<String> paragraphs = new ArrayList<>();
    int number = 1;
    for (SignatureReport.Signature signature : report.signatures()) {
      paragraphs.add(describe(number++, signature));
    }
    String text = String.join("\n\n", paragraphs);
    return text.length() <= MAX_LENGTH
        ? text
        : text.substring(0, MAX_LENGTH)
            + "\n… (shortened: the whole report is in the trail and the evidence bundle)";
  }

  /** Whether the copy is the issued CTA, in one sentence. */
  public static String issuedCta(SignatureReport report) {
    if (report.derivedFromIssuedCta()) {
      return "Same document as issued: the copy begins with the issued CTA byte for byte; what"
          + " follows it was checked above.";
    }
    return "NOT derived from the issued CTA (re-rendered, printed or scanned): compare it with the"
        + " CTA as issued. "
        + (report.identityTextPresent()
            ? "Its text carries this CTA's identity line (reference and SHA-256)."
            : "Its text does not carry this CTA's identity line (reference and SHA-256).");
  }

  private static String describe(int number, SignatureReport.Signature signature) {
    StringBuilder text = new StringBuilder();
    text.append(number)
        .append(". ")
        .append(
            signature.kind() == SignatureReport.Kind.DOCUMENT_TIMESTAMP
                ? "Document timestamp"
                : "Signature")
        .append(" by ")
        .append(signature.signer() == null ? "an unreadable certificate" : signature.signer())
        .append("\n   issued by ")
        .append(signature.issuer() == null ? "unknown" : signature.issuer())
        .append(signature.serial() == null ? "" : ", serial " + signature.serial())
        .append("\n   ")
        .append(signature.valid() ? "valid" : "NOT VALID")
        .append(", ")
        .append(signature.trusted() ? "trusted" : "not trusted")
        .append(", ")
        .append(
            signature.coversWholeDocument()
                ? "covers the whole document"
                : "later revisions follow it (checked: signatures and validation data only)")
        .append("\n   signed ")
        .append(time(signature.signedAt()))
        .append(source(signature.signedAtSource()));
    if (signature.timestampedAt() != null) {
      text.append(", timestamped ").append(time(signature.timestampedAt()));
    }
    if (signature.trust() != null) {
      text.append("\n   ").append(signature.trust());
    }
    for (String problem : signature.problems()) {
      text.append("\n   problem: ").append(problem);
    }
    return text.toString();
  }

  private static String time(Instant instant) {
    return instant == null ? "at an unknown time" : TIME.format(instant);
  }

  private static String source(SignatureReport.SigningTimeSource source) {
    if (source == null) {
      return "";
    }
    return switch (source) {
      case TIMESTAMP -> " (from its timestamp)";
      case SIGNING_TIME_ATTRIBUTE, SIGNATURE_DICTIONARY -> " (as the signer claims)";
      case NONE -> " (no signing time: checked at the upload)";
    };
  }
}
