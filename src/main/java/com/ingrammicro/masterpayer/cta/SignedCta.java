package com.ingrammicro.masterpayer.cta;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.UUID;

/**
 * What the journey learns about a signed CTA the reseller uploaded: the stored document, what the
 * inspection read, and the signature report, whose fields ({@code signatures}, {@code
 * derivedFromIssuedCta}, …) the upload's answer carries at its top level.
 */
public record SignedCta(
    UUID documentId,
    String sha256,
    long sizeBytes,
    int pageCount,
    int signatureCount,
    @JsonUnwrapped SignatureReport report) {}
