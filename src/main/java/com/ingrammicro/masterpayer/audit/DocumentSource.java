package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.cta.DocumentQuery;
import org.springframework.stereotype.Component;

/**
 * Every document stored for the offboarding (the CTA as issued, each signed copy), with its
 * SHA-256.
 */
@Component
class DocumentSource implements TrailSource {

  private final DocumentQuery documents;

  DocumentSource(DocumentQuery documents) {
    this.documents = documents;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (Document document : documents.documents(subject.offboarding().id())) {
      timeline.add(
          document.createdAt(),
          Phase.DOCUMENT,
          EntryType.DOCUMENT_STORED,
          null,
          null,
          document.createdBy(),
          document.kind() + " " + document.fileName() + " stored, SHA-256 " + document.sha256(),
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
              document.sha256()));
    }
  }
}
