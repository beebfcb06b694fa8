package com.ingrammicro.masterpayer.cleanup;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The stored state and evidence of one offboarding's access removal (table {@code access_cleanup}).
 */
record AccessRemovalRecord(
    UUID offboardingId,
    String externalId,
    AccessRemovalStatus status,
    String planJson,
    Integer planRound,
    String verificationJson,
    String failure,
    int iamCalls,
    int iamAttempts,
    String attestedBy,
    OffsetDateTime attestedAt,
    String attestationNotes,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    OffsetDateTime updatedAt) {}
