package com.ingrammicro.masterpayer.offboarding;

import java.time.OffsetDateTime;

/**
 * Which offboardings an {@link OffboardingSearch} returns; a null field matches every offboarding.
 * Ranges include their start and exclude their end ({@code startedFrom <= createdAt < startedTo}),
 * so consecutive ranges never overlap.
 */
public record OffboardingCriteria(
    OffboardingStatus status,
    String resellerId,
    String payerAccountId,
    OffsetDateTime startedFrom,
    OffsetDateTime startedTo,
    OffsetDateTime endedFrom,
    OffsetDateTime endedTo,
    Stage stage) {}
