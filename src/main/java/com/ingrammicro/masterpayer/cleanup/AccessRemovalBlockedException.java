package com.ingrammicro.masterpayer.cleanup;

import java.util.List;

/**
 * The automated cleanup cannot go on, for a reason retrying will not fix (access denied, the
 * cleanup role cannot be assumed, an entity IAM will not change, a limit): a business outcome the
 * journey routes to Ingram IaaS sales, with the reason and what remains to remove.
 */
public class AccessRemovalBlockedException extends RuntimeException {

  private final transient List<String> remaining;

  public AccessRemovalBlockedException(String reason, List<String> remaining) {
    super(reason);
    this.remaining = List.copyOf(remaining);
  }

  /**
   * The entities still to remove, as people read them ("role IMBillingRole"); empty when unknown.
   */
  public List<String> remaining() {
    return remaining;
  }

  /** Why the automation stopped, short enough for the task that hands the work over. */
  public String failureSummary() {
    return TaskTexts.limit(getMessage());
  }

  /** What people must remove by hand, one line each; says so when the automation could not look. */
  public String remainingSummary() {
    return TaskTexts.bullets(
        remaining,
        "Unknown: the automation could not look. Check every role and customer-managed policy.");
  }
}
