package com.ingrammicro.masterpayer.offboarding;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the offboarding view shows of the latest signed CTA: the verification's report, as the
 * upload answered it. Implemented by the CTA module, which verifies and keeps it.
 */
public interface SignedCtaProgress {

  /** The latest signed copy's report; empty before one was taken. */
  Optional<Summary> of(UUID offboardingId);

  /**
   * @param storedBy the reseller user who uploaded it, or the e-signature provider
   * @param signatures each digital signature, in signing order
   * @param derivedFromIssuedCta the copy begins with the issued CTA byte for byte
   * @param identityTextPresent the copy's text carries the issued CTA's identity line
   */
  record Summary(
      UUID documentId,
      String sha256,
      OffsetDateTime storedAt,
      String storedBy,
      List<Signature> signatures,
      boolean derivedFromIssuedCta,
      boolean identityTextPresent) {}

  /** One signature as the report has it (docs/cta.md, "The report"). */
  record Signature(
      String signer,
      String issuer,
      boolean valid,
      boolean trusted,
      boolean coversWholeDocument,
      Instant signedAt) {}
}
