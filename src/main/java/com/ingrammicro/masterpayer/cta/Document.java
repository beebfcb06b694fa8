package com.ingrammicro.masterpayer.cta;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored document's metadata; the content is read separately and only when needed. */
public record Document(
    UUID id,
    UUID offboardingId,
    DocumentKind kind,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    OffsetDateTime createdAt,
    String createdBy) {}
