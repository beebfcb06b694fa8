package com.ingrammicro.masterpayer.cta;

import java.util.UUID;

/** What the journey learns about a signed CTA the reseller uploaded. */
public record SignedCta(
    UUID documentId, String sha256, long sizeBytes, int pageCount, int signatureCount) {}
