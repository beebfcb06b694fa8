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
 * @param stacks the CloudFormation stacks that hold only the distributor's roles and policies: each
 *     is deleted as a whole (its roles and policies are then not listed apart)
 * @param bucketPolicies the S3 bucket policies with statements that grant a distributor account:
 *     those statements are taken out, every other one stays
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
    List<Target> stacks,
    List<Target> bucketPolicies,
    List<Skipped> skipped,
    List<String> warnings) {

  public AccessRemovalPlan {
    roles = List.copyOf(roles);
    policies = List.copyOf(policies);
    stacks = stacks == null ? List.of() : List.copyOf(stacks);
    bucketPolicies = bucketPolicies == null ? List.of() : List.copyOf(bucketPolicies);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * One entity to remove.
   *
   * @param arn the entity's ARN (a stack's id)
   * @param stack the CloudFormation stack a role belongs to, by its {@code
   *     aws:cloudformation:stack-id} tag; null when none
   */
  public record Target(
      Kind kind, String name, String arn, String reason, List<Step> steps, String stack) {

    public Target(Kind kind, String name, String arn, String reason, List<Step> steps) {
      this(kind, name, arn, reason, steps, null);
    }

    /** The entity as people read it: "role IMBillingRole". */
    public String label() {
      return kind.words() + " " + name;
    }
  }

  /** One call that changes the account: the action and what it acts on (a policy ARN, a user…). */
  public record Step(String action, String subject) {}

  /** An entity deliberately not touched. */
  public record Skipped(Kind kind, String name, String reason) {}

  /** The kinds of entities the cleanup removes. */
  public enum Kind {
    ROLE,
    POLICY,
    STACK,
    BUCKET_POLICY;

    /** As people read it: "bucket policy". */
    public String words() {
      return name().toLowerCase().replace('_', ' ');
    }
  }

  /** One call of the plan, with the entity it belongs to: what an approval allows. */
  public record Call(String entity, String action, String subject) {}

  /** Every entity to remove, in the order of removal: roles, policies, stacks, bucket policies. */
  public Stream<Target> targets() {
    return Stream.of(roles, policies, stacks, bucketPolicies).flatMap(List::stream);
  }

  public boolean isEmpty() {
    return targets().findAny().isEmpty();
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
                        + (target.steps().size() == 1 ? " call" : " calls"))
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
            .map(skip -> skip.kind().words() + " " + skip.name() + ": " + skip.reason())
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
