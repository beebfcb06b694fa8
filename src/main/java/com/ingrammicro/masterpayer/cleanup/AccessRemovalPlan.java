package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the cleanup found in the payer account and will do there, in the order AWS requires: the
 * plan a person approves (docs/access-removal.md, "Plan, approve, remove, verify"). Recorded before
 * anything is changed, as canonical JSON with its SHA-256 ({@link PlanRound}); the removal makes
 * only the calls listed here.
 *
 * @param roles the distributor's roles, each with the calls that remove it
 * @param policies the distributor's customer-managed policies, each with the calls that remove it
 * @param skipped entities that looked like the distributor's but are left alone, and why
 * @param warnings what a person should weigh before approving: a permissions boundary whose removal
 *     widens someone's permissions, a role in recent use
 */
public record AccessRemovalPlan(
    String payerAccountId,
    String roleArn,
    Instant discoveredAt,
    List<Target> roles,
    List<Target> policies,
    List<Skipped> skipped,
    List<String> warnings) {

  public AccessRemovalPlan {
    roles = List.copyOf(roles);
    policies = List.copyOf(policies);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** One entity to remove. */
  public record Target(Kind kind, String name, String arn, String reason, List<Step> steps) {

    /** The entity as people read it: "role IMBillingRole". */
    public String label() {
      return kind.name().toLowerCase() + " " + name;
    }
  }

  /** One call that changes the account: the action and what it acts on (a policy ARN, a user…). */
  public record Step(String action, String subject) {}

  /** An entity deliberately not touched. */
  public record Skipped(Kind kind, String name, String reason) {}

  /** The kinds of entities the cleanup removes. */
  public enum Kind {
    ROLE,
    POLICY
  }

  /** One call of the plan, with the entity it belongs to: what an approval allows. */
  public record Call(String entity, String action, String subject) {}

  public Stream<Target> targets() {
    return Stream.concat(roles.stream(), policies.stream());
  }

  public boolean isEmpty() {
    return roles.isEmpty() && policies.isEmpty();
  }

  /** Every call of the plan, in the order they will be made. */
  public List<Call> calls() {
    List<Call> calls = new ArrayList<>();
    targets()
        .forEach(
            target ->
                target
                    .steps()
                    .forEach(
                        step ->
                            calls.add(new Call(target.label(), step.action(), step.subject()))));
    return calls;
  }

  /** Whether the plan lists this call for this entity. */
  public boolean allows(Target target, Step step) {
    return calls().contains(new Call(target.label(), step.action(), step.subject()));
  }

  /**
   * The plan as the tasks show it: one line per entity with why it is the distributor's and how
   * many calls remove it.
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

  /** Every call, numbered in the order the removal makes them. */
  public String callsSummary() {
    List<String> lines = new ArrayList<>();
    List<Call> calls = calls();
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      lines.add((i + 1) + ". " + call.action() + " " + call.subject() + " (" + call.entity() + ")");
    }
    return TaskTexts.lines(lines, "No call: nothing to remove.");
  }

  /** What is left alone, and why. */
  public String leftAloneSummary() {
    return TaskTexts.bullets(
        skipped.stream()
            .map(
                skip -> skip.kind().name().toLowerCase() + " " + skip.name() + ": " + skip.reason())
            .toList(),
        "Nothing that looked like the distributor's is left alone.");
  }

  public String warningsSummary() {
    return TaskTexts.bullets(warnings, "None.");
  }

  /** The number of calls that change something, as planned. */
  public int stepCount() {
    return targets().mapToInt(target -> target.steps().size()).sum();
  }
}
