package com.ingrammicro.masterpayer.cleanup;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The removal of the distributor's access as evidence: the plan recorded before any change, every
 * call that changed the account with AWS's request id, the verification, and any human attestation.
 */
public record AccessRemovalEvidence(
    AccessRemovalStatus status,
    String failure,
    AccessRemovalPlan plan,
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
