package com.ingrammicro.masterpayer.offboarding;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the offboarding view shows of the removal of the distributor's access. Implemented by the
 * cleanup module, which owns that work and its evidence.
 */
public interface AccessRemovalProgress {

  /**
   * Whether this engine removes access automatically (the reseller then deploys a cleanup role).
   */
  boolean automated();

  /** Where the removal stands for one offboarding; empty before it started. */
  Optional<Summary> of(UUID offboardingId);

  /**
   * @param status the cleanup's status (AWAITING, PLANNED, REMOVED, BLOCKED, REMAINING,
   *     UNVERIFIABLE, VERIFIED, ATTESTED)
   * @param detail why it is blocked or what remains, in words
   * @param planned the distributor's roles and policies found in the payer account
   * @param removed those whose removal AWS confirmed (or that were already gone)
   * @param remaining those that verification still found
   * @param evidence where the full evidence is (plan, every call with AWS's request id,
   *     verification)
   */
  record Summary(
      String status,
      String detail,
      List<String> planned,
      List<String> removed,
      List<String> remaining,
      OffsetDateTime updatedAt,
      String evidence) {}
}
