package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the cleanup found in the payer account and will do there, in IAM's required order. Recorded
 * before anything is changed: it is evidence for auditors and the reseller.
 *
 * @param roles the distributor's roles, each with the steps that remove it
 * @param policies the distributor's customer-managed policies, each with the steps that remove it
 * @param skipped entities that looked like the distributor's but are left alone, and why
 */
public record AccessRemovalPlan(
    String payerAccountId,
    String roleArn,
    Instant discoveredAt,
    List<Target> roles,
    List<Target> policies,
    List<Skipped> skipped) {

  /** One role or policy to remove. */
  public record Target(Kind kind, String name, String arn, String reason, List<Step> steps) {

    /** The entity as people read it: "role IMBillingRole". */
    public String label() {
      return kind.name().toLowerCase() + " " + name;
    }
  }

  /** One IAM call: the action and the entity it acts on (a policy ARN, a user, a version id…). */
  public record Step(String action, String subject) {}

  /** An entity deliberately not touched. */
  public record Skipped(Kind kind, String name, String reason) {}

  /** The kinds of IAM entities the cleanup removes. */
  public enum Kind {
    ROLE,
    POLICY
  }

  public Stream<Target> targets() {
    return Stream.concat(roles.stream(), policies.stream());
  }

  public boolean isEmpty() {
    return roles.isEmpty() && policies.isEmpty();
  }

  /**
   * The plan as the task "Remove distributor access manually" shows it: one line per role or policy
   * with why it is the distributor's and how many calls remove it.
   */
  public String summary() {
    return TaskTexts.bullets(
        targets()
            .map(
                target ->
                    target.label()
                        + " ("
                        + target.reason()
                        + "): "
                        + target.steps().size()
                        + " calls")
            .toList(),
        "Nothing of the distributor found in payer account " + payerAccountId + ".");
  }

  /** The number of IAM calls that change something, as planned. */
  public int stepCount() {
    return targets().mapToInt(target -> target.steps().size()).sum();
  }
}
