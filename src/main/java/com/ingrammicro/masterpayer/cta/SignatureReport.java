package com.ingrammicro.masterpayer.cta;

import java.time.Instant;
import java.util.List;

/**
 * What the verification of a signed CTA found: each digital signature of the PDF in signing order,
 * whether the copy is the CTA issued for the offboarding, and what changed after a signature. It
 * travels with the upload's answer, is stored with the signed document and read by the audit
 * through {@link DocumentQuery#signatureReport}. How each verdict is reached: docs/cta.md.
 *
 * @param signatures every signature dictionary of the PDF, oldest first (the order of their byte
 *     ranges' ends)
 * @param derivedFromIssuedCta the copy starts with the bytes of the issued CTA exactly (signing by
 *     incremental update keeps them)
 * @param identityTextPresent the visible identity line of this offboarding's issued CTA (its id and
 *     the SHA-256 of its first revision) can be read from the copy
 * @param changesAfterSigning what an incremental update after a signature changed beyond adding
 *     signatures and validation data, one sentence each ("a page was added after signature 1")
 * @param revocationChecked whether certificate revocation (CRL, OCSP) was checked: never, so far
 */
public record SignatureReport(
    List<Signature> signatures,
    boolean derivedFromIssuedCta,
    boolean identityTextPresent,
    List<String> changesAfterSigning,
    boolean revocationChecked) {

  public SignatureReport {
    signatures = List.copyOf(signatures);
    changesAfterSigning = List.copyOf(changesAfterSigning);
  }

  /** What a signature dictionary is. */
  public enum Kind {
    /** A party's signature (PAdES {@code ETSI.CAdES.detached} or {@code adbe.pkcs7.detached}). */
    SIGNATURE,
    /** A document timestamp ({@code ETSI.RFC3161}): validation data, nobody's consent. */
    DOCUMENT_TIMESTAMP
  }

  /** Where a signature's signing time comes from, most trustworthy first. */
  public enum SigningTimeSource {
    /** The genTime of the signature's RFC 3161 timestamp. */
    TIMESTAMP,
    /** The CMS signingTime attribute, the signer's own claim. */
    SIGNING_TIME_ATTRIBUTE,
    /** The signature dictionary's {@code /M}, the signer's own claim. */
    SIGNATURE_DICTIONARY,
    /** None: the certificate was checked at the time of the upload. */
    NONE
  }

  /**
   * One signature dictionary.
   *
   * @param kind a party's signature or a document timestamp
   * @param signer the signer certificate's subject (RFC 2253), null when none could be read
   * @param issuer the signer certificate's issuer
   * @param serial the signer certificate's serial number, hexadecimal
   * @param signedAt the signing time the certificate was checked at
   * @param signedAtSource where {@code signedAt} comes from
   * @param timestampedAt the genTime of a verified RFC 3161 timestamp, null without one
   * @param valid the CMS signature verifies, its message digest matches the bytes its byte range
   *     covers, the byte range is sound, and the certificate was valid at the signing time with a
   *     key usage that allows signing
   * @param trusted the certificate chains (PKIX) to a trusted root at the signing time
   * @param coversWholeDocument the byte range reaches the end of the file
   * @param trust how trust was decided, as a sentence
   * @param problems what is wrong, as sentences; empty when valid
   */
  public record Signature(
      Kind kind,
      String signer,
      String issuer,
      String serial,
      Instant signedAt,
      SigningTimeSource signedAtSource,
      Instant timestampedAt,
      boolean valid,
      boolean trusted,
      boolean coversWholeDocument,
      String trust,
      List<String> problems) {

    public Signature {
      problems = List.copyOf(problems);
    }
  }

  /**
   * The signers with a valid signature: each signer certificate (issuer and serial) counts once, so
   * one party signing twice is one signature; document timestamps are not consent and do not count.
   */
  public long validSignatureCount() {
    return signatures.stream()
        .filter(signature -> signature.kind() == Kind.SIGNATURE && signature.valid())
        .map(signature -> signature.issuer() + "#" + signature.serial())
        .distinct()
        .count();
  }
}
