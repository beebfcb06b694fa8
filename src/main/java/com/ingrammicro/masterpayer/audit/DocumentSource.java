package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.cta.DocumentQuery;
import com.ingrammicro.masterpayer.cta.SignatureReport;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every document stored for the offboarding (the CTA as issued, each signed copy), with its SHA-256
 * and, for a signed copy, the verification's signature report.
 */
@Component
class DocumentSource implements TrailSource {

  private final DocumentQuery documents;

  DocumentSource(DocumentQuery documents) {
    this.documents = documents;
  }

  /** The signature report in a few words: the details carry all of it. */
  private static String verdict(SignatureReport report) {
    long valid = report.validSignatureCount();
    long trusted =
        report.signatures().stream()
            .filter(s -> s.kind() == SignatureReport.Kind.SIGNATURE && s.valid() && s.trusted())
            .count();
    return "; "
        + valid
        + " valid digital signature(s), "
        + trusted
        + " trusted; "
        + (report.derivedFromIssuedCta()
            ? "the issued CTA"
            : "not derived from the issued CTA"
                + (report.identityTextPresent() ? " (identity text present)" : ""));
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (Document document : documents.documents(subject.offboarding().id())) {
      Optional<SignatureReport> report = documents.signatureReport(document);
      timeline.add(
          document.createdAt(),
          Phase.DOCUMENT,
          EntryType.DOCUMENT_STORED,
          null,
          null,
          document.createdBy(),
          document.kind()
              + " "
              + document.fileName()
              + " stored, SHA-256 "
              + document.sha256()
              + report.map(DocumentSource::verdict).orElse(""),
          details(
              "documentId",
              document.id(),
              "kind",
              document.kind(),
              "fileName",
              document.fileName(),
              "contentType",
              document.contentType(),
              "sizeBytes",
              document.sizeBytes(),
              "sha256",
              document.sha256(),
              "signatureReport",
              report.orElse(null)));
    }
  }
}
