package com.ingrammicro.masterpayer.cleanup;

import java.time.OffsetDateTime;

/**
 * One round of the removal plan (table {@code access_cleanup_plan}): the plan exactly as it was
 * shown, its SHA-256, and what became of it. A removal that finds the account changed since the
 * approval ends its round as {@link Decision#SUPERSEDED}, and a new round is planned and approved.
 *
 * @param plan the canonical JSON text of the plan; {@code sha256} is over its UTF-8 bytes
 * @param decidedBy who approved or rejected it: a user id, or {@code engine} when the configuration
 *     approves plans ({@code offboarding.cleanup.plan-approval: automatic})
 * @param reason why it was rejected (the approver's words) or superseded (what appeared)
 */
public record PlanRound(
    int round,
    String sha256,
    OffsetDateTime plannedAt,
    Decision decision,
    String decidedBy,
    OffsetDateTime decidedAt,
    String reason,
    String plan) {

  /** The plan of this round, read from its canonical text. */
  public AccessRemovalPlan content() {
    return CanonicalPlan.read(plan);
  }

  /** The approver recorded when the configuration, not a person, approves a plan. */
  public static final String ENGINE = "engine";

  /** What became of a plan. */
  public enum Decision {
    /** Waits for a person's approval. */
    PROPOSED,
    /** Approved: the removal may make exactly its calls. */
    APPROVED,
    /** Rejected by a person: the removal is done by hand. */
    REJECTED,
    /** The account changed before or during the removal: a new round replaces it. */
    SUPERSEDED
  }
}
