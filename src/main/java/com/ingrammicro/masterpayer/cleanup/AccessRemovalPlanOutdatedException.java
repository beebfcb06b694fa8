package com.ingrammicro.masterpayer.cleanup;

import java.util.List;

/**
 * The payer account no longer matches the approved plan: listing it again found an entity, or a
 * call, that the plan does not have (say, the distributor's policy attached to one more user since
 * the approval). The removal stops before making that call; the journey plans a new round, which a
 * person approves again. Never thrown for what has gone meanwhile: less to do is still the plan.
 */
public class AccessRemovalPlanOutdatedException extends RuntimeException {

  private final transient List<String> changes;

  public AccessRemovalPlanOutdatedException(int round, List<String> changes) {
    super(
        "The payer account changed since plan round "
            + round
            + " was approved: "
            + String.join("; ", changes)
            + ". Nothing outside the approved plan was done; a new plan needs approval.");
    this.changes = List.copyOf(changes);
  }

  /** How a call that the approved plan does not have is named among the changes. */
  static String notInPlan(AccessRemovalPlan.Target target, AccessRemovalPlan.Step step) {
    return "the call "
        + step.action()
        + " "
        + step.subject()
        + " ("
        + target.label()
        + ") is not in it";
  }

  /** What the approved plan does not have, as people read it. */
  public List<String> changes() {
    return changes;
  }
}
