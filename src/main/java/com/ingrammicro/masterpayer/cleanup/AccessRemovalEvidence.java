package com.ingrammicro.masterpayer.cleanup;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The removal of the distributor's access as evidence: the plan recorded before any change, each
 * round of it with its SHA-256 and who approved or rejected it when, every call that changed the
 * account with AWS's request id, the verification, and any human attestation.
 *
 * @param plan the current round's plan
 * @param planSha256 the SHA-256 of the current round's canonical plan text
 * @param rounds every round, oldest first, each with its canonical plan text
 */
public record AccessRemovalEvidence(
    AccessRemovalStatus status,
    String failure,
    AccessRemovalPlan plan,
    Integer planRound,
    String planSha256,
    List<PlanRound> rounds,
    List<AwsCall> calls,
    Verification verification,
    Attestation attestation,
    int iamCalls,
    int iamHttpAttempts,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    OffsetDateTime updatedAt) {

  /** A person's confirmation that the access was removed by hand. */
  public record Attestation(String by, OffsetDateTime at, String notes) {}
}
