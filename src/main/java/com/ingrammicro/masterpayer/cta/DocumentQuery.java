package com.ingrammicro.masterpayer.cta;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the stored documents of any offboarding, for readers who may see them all (the
 * audit). No access check happens here; the caller's endpoint is where access is decided.
 */
public interface DocumentQuery {

  /** Every document of an offboarding, oldest first. */
  List<Document> documents(UUID offboardingId);

  /** A document's stored bytes. */
  byte[] content(Document document);

  /**
   * The signature report stored with a signed copy; empty for the issued CTA and for copies stored
   * before signatures were verified.
   */
  Optional<SignatureReport> signatureReport(Document document);
}
