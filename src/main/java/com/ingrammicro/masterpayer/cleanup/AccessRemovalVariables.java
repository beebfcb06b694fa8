package com.ingrammicro.masterpayer.cleanup;

import java.util.Set;

/**
 * The process variables in which the journey leaves the access removal's summaries for people (the
 * tasks "Approve removal plan" and "Remove distributor access manually" show them; the full
 * evidence stays in this module's tables). The process sets them under these names; the audit trail
 * shows exactly these as access-removal evidence.
 */
public final class AccessRemovalVariables {

  /** The plan: each role and policy found, why, and how many IAM calls remove it. */
  public static final String PLAN = "cleanupPlan";

  /** Every call of the plan, numbered, as the task "Approve removal plan" shows it. */
  public static final String PLAN_CALLS = "cleanupPlanCalls";

  /** What the plan leaves alone, and why. */
  public static final String PLAN_LEFT_ALONE = "cleanupPlanLeftAlone";

  /** What the approver should weigh: widened permissions, roles in use. */
  public static final String PLAN_WARNINGS = "cleanupPlanWarnings";

  /** The earlier rounds of the plan and what became of them. */
  public static final String PLAN_HISTORY = "cleanupPlanHistory";

  /** The round of the plan shown (a number). */
  public static final String PLAN_ROUND = "cleanupPlanRound";

  /** The SHA-256 of the plan shown, over its canonical text. */
  public static final String PLAN_SHA256 = "cleanupPlanSha256";

  /** What verification through AWS found. */
  public static final String REPORT = "cleanupReport";

  /** Why the automation handed the work over to people. */
  public static final String FAILURE = "cleanupFailure";

  /** What is still in the payer account when the work is handed over. */
  public static final String REMAINING = "cleanupRemaining";

  /** Every one of them. */
  public static final Set<String> NAMES =
      Set.of(
          PLAN,
          PLAN_CALLS,
          PLAN_LEFT_ALONE,
          PLAN_WARNINGS,
          PLAN_HISTORY,
          PLAN_ROUND,
          PLAN_SHA256,
          REPORT,
          FAILURE,
          REMAINING);

  private AccessRemovalVariables() {}
}
