package com.ingrammicro.masterpayer.cleanup;

import java.util.Set;

/**
 * The process variables in which the journey leaves the access removal's summaries for people (the
 * task "Remove distributor access" shows them; the full evidence stays in this module's tables).
 * The process sets them under these names; the audit trail shows exactly these as access-removal
 * evidence.
 */
public final class AccessRemovalVariables {

  /** The plan: each role and policy found, why, and how many IAM calls remove it. */
  public static final String PLAN = "cleanupPlan";

  /** What verification through AWS found. */
  public static final String REPORT = "cleanupReport";

  /** Why the automation handed the work over to people. */
  public static final String FAILURE = "cleanupFailure";

  /** What is still in the payer account when the work is handed over. */
  public static final String REMAINING = "cleanupRemaining";

  /** Every one of them. */
  public static final Set<String> NAMES = Set.of(PLAN, REPORT, FAILURE, REMAINING);

  private AccessRemovalVariables() {}
}
