package com.ingrammicro.masterpayer.cleanup;

import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Kind;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Skipped;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Step;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Target;
import com.ingrammicro.masterpayer.cleanup.AwsCall.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * The CloudFormation side of the distributor's footprint: which of the targeted roles and policies
 * a stack made (a role's {@code aws:cloudformation:stack-id} tag, a policy's {@code
 * DescribeStackResources} by its ARN), and what becomes of each stack. A stack that holds only the
 * distributor's roles and policies is deleted as a whole ({@code DeleteStack}, waited for, its
 * events kept as evidence): deleting its role by hand would leave a drifted stack that fails or
 * puts the role back later. A stack that also holds the customer's resources stays, its distributor
 * resources are removed one by one, and the plan says it will drift. A StackSet instance ({@code
 * StackSet-…}) only the StackSet's owner can remove: its resources are left, for people.
 */
final class StackRemoval {

  static final String STACK_SET_PREFIX = "StackSet-";
  private static final Duration LONGEST_POLL = Duration.ofSeconds(15);
  private static final Duration DELETION_DEADLINE = Duration.ofMinutes(30);

  private final CrossAccountSession session;
  private final Clock clock;
  private final Duration firstPoll;

  StackRemoval(CrossAccountSession session, Clock clock, Duration firstPoll) {
    this.session = session;
    this.clock = clock;
    this.firstPoll = firstPoll;
  }

  // --- discovery -------------------------------------------------------------------------------

  /** The plan with each targeted role and policy assigned to the stack that holds it, if any. */
  AccessRemovalPlan assign(AccessRemovalPlan plan) {
    Map<String, List<StackResource>> stacks = new LinkedHashMap<>(); // by stack id
    for (Target role : plan.roles()) {
      if (role.stack() != null && !stacks.containsKey(role.stack())) {
        resources(regionOf(role.stack()), role.stack(), null)
            .ifPresent(found -> stacks.put(role.stack(), found));
      }
    }
    for (Target policy : plan.policies()) {
      boolean known =
          stacks.values().stream()
              .flatMap(List::stream)
              .anyMatch(resource -> policy.arn().equals(resource.physicalResourceId()));
      if (!known) {
        resources(session.homeRegion(), null, policy.arn())
            .ifPresent(found -> stacks.put(found.get(0).stackId(), found));
      }
    }
    if (stacks.isEmpty()) {
      return plan;
    }
    List<Target> roles = new ArrayList<>(plan.roles());
    List<Target> policies = new ArrayList<>(plan.policies());
    List<Target> deleted = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>(plan.skipped());
    List<String> warnings = new ArrayList<>(plan.warnings());
    for (List<StackResource> resources : stacks.values()) {
      String name = resources.get(0).stackName();
      String id = resources.get(0).stackId();
      List<Target> held = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (StackResource resource : resources) {
        Optional<Target> target = targetOf(resource, roles, policies);
        target.ifPresentOrElse(
            held::add,
            () ->
                others.add(
                    resource.logicalResourceId()
                        + " ("
                        + resource.resourceType()
                        + " "
                        + resource.physicalResourceId()
                        + ")"));
      }
      if (held.isEmpty()) {
        continue;
      }
      String labels = String.join(", ", held.stream().map(Target::label).toList());
      if (name.startsWith(STACK_SET_PREFIX)) {
        roles.removeAll(held);
        policies.removeAll(held);
        String why =
            "made by the StackSet instance "
                + name
                + ": only the StackSet's owner can remove it, by deleting this account's stack"
                + " instance from the StackSet";
        held.forEach(target -> skipped.add(new Skipped(target.kind(), target.name(), why)));
        skipped.add(
            new Skipped(
                Kind.STACK,
                name,
                "a StackSet instance: removed by the StackSet's owner, not from this account"));
        warnings.add(
            "StackSet instance "
                + name
                + " holds "
                + labels
                + ": the StackSet's owner must delete this account's stack instance; until then"
                + " verification finds them");
      } else if (others.isEmpty() && usedOnlyInside(held)) {
        roles.removeAll(held);
        policies.removeAll(held);
        deleted.add(
            new Target(
                Kind.STACK,
                name,
                id,
                "holds only the distributor's " + labels,
                List.of(new Step("DeleteStack", name))));
        warnings.add("stack " + name + " will be deleted as a whole, with " + labels);
      } else {
        skipped.add(
            new Skipped(
                Kind.STACK,
                name,
                "holds the customer's resources too ("
                    + String.join(", ", others.isEmpty() ? List.of("uses outside it") : others)
                    + "): left in place; only the distributor's "
                    + labels
                    + " are removed from it"));
        warnings.add(
            "removing "
                + labels
                + " from stack "
                + name
                + " leaves the stack drifted: its owner should take them out of its template");
      }
    }
    return new AccessRemovalPlan(
        plan.payerAccountId(),
        plan.roleArn(),
        plan.discoveredAt(),
        roles,
        policies,
        deleted,
        plan.bucketPolicies(),
        skipped,
        warnings);
  }

  /**
   * Whether the stack's policies serve only its own roles: CloudFormation cannot delete a policy
   * that is attached elsewhere, and the stack would fail to delete.
   */
  private static boolean usedOnlyInside(List<Target> held) {
    List<String> roles =
        held.stream().filter(target -> target.kind() == Kind.ROLE).map(Target::name).toList();
    return held.stream()
        .filter(target -> target.kind() == Kind.POLICY)
        .flatMap(policy -> policy.steps().stream())
        .allMatch(
            step ->
                step.action().equals("DeletePolicy")
                    || step.action().equals("DeletePolicyVersion")
                    || (step.action().equals("DetachRolePolicy")
                        && roles.contains(step.subject())));
  }

  private static Optional<Target> targetOf(
      StackResource resource, List<Target> roles, List<Target> policies) {
    String physical = resource.physicalResourceId();
    return switch (resource.resourceType()) {
      case "AWS::IAM::Role" ->
          roles.stream().filter(role -> role.name().equalsIgnoreCase(physical)).findFirst();
      case "AWS::IAM::ManagedPolicy" ->
          policies.stream().filter(policy -> policy.arn().equals(physical)).findFirst();
      default -> Optional.empty();
    };
  }

  /** The resources of the stack (by id) or of the stack that holds a resource (by its id). */
  private Optional<List<StackResource>> resources(
      String region, String stackId, String physicalId) {
    try {
      List<StackResource> resources =
          session
              .cloudFormation(region)
              .describeStackResources(
                  request -> {
                    if (stackId != null) {
                      request.stackName(stackId);
                    } else {
                      request.physicalResourceId(physicalId);
                    }
                  })
              .stackResources();
      return resources.isEmpty() ? Optional.empty() : Optional.of(resources);
    } catch (AwsServiceException e) {
      if (AwsErrors.isNoStack(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A stack id is an ARN: {@code arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>}.
   */
  static String regionOf(String stackId) {
    String[] parts = stackId.split(":");
    return parts.length > 3 ? parts[3] : "us-east-1";
  }

  // --- removal ---------------------------------------------------------------------------------

  /**
   * Deletes the plan's stacks, each waited for until CloudFormation reports it gone or failed.
   * Idempotent: a stack already deleted is recorded as gone, one still being deleted is waited for.
   *
   * @throws AccessRemovalBlockedException when a deletion fails (DELETE_FAILED) or AWS refuses: the
   *     stack's events go with the hand-over
   */
  void remove(AccessRemovalPlan plan, Consumer<AwsCall> journal) {
    List<Target> stacks = plan.stacks();
    for (int i = 0; i < stacks.size(); i++) {
      Target stack = stacks.get(i);
      List<String> remaining =
          stacks.subList(i, stacks.size()).stream().map(Target::label).toList();
      try {
        delete(stack, journal, remaining);
      } catch (AwsServiceException e) {
        throw AwsErrors.blockingReason(e)
            .<RuntimeException>map(
                reason ->
                    new AccessRemovalBlockedException(
                        "AWS refused to delete " + stack.label() + ": " + reason, remaining))
            .orElse(e);
      }
    }
  }

  private void delete(Target target, Consumer<AwsCall> journal, List<String> remaining) {
    CloudFormationClient cloudFormation = session.cloudFormation(regionOf(target.arn()));
    Optional<Stack> current = describe(cloudFormation, target.arn());
    if (current.isEmpty() || current.get().stackStatusAsString().equals("DELETE_COMPLETE")) {
      journal.accept(
          new AwsCall(
              target.label(),
              "DeleteStack",
              target.name(),
              Outcome.ALREADY_GONE,
              "DELETE_COMPLETE",
              null,
              clock.instant()));
      return;
    }
    String requestId = null;
    if (!current.get().stackStatusAsString().equals("DELETE_IN_PROGRESS")) {
      DeleteStackResponse deleted =
          cloudFormation.deleteStack(request -> request.stackName(target.arn()));
      requestId = deleted.responseMetadata().requestId();
    }
    String status = awaitDeletion(cloudFormation, target);
    String events = events(cloudFormation, target);
    boolean done = status.equals("DELETE_COMPLETE");
    journal.accept(
        new AwsCall(
            target.label(),
            "DeleteStack",
            target.name(),
            done ? Outcome.DONE : Outcome.FAILED,
            done ? null : status,
            requestId,
            clock.instant(),
            events));
    if (!done) {
      throw new AccessRemovalBlockedException(
          "CloudFormation could not delete stack "
              + target.name()
              + " ("
              + status
              + "). Its events, newest first:\n"
              + events,
          remaining);
    }
  }

  private String awaitDeletion(CloudFormationClient cloudFormation, Target target) {
    Instant deadline = clock.instant().plus(DELETION_DEADLINE);
    Duration wait = firstPoll;
    while (true) {
      String status =
          describe(cloudFormation, target.arn())
              .map(Stack::stackStatusAsString)
              .orElse("DELETE_COMPLETE");
      if (status.equals("DELETE_COMPLETE") || status.equals("DELETE_FAILED")) {
        return status;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IllegalStateException(
            "Stack " + target.name() + " is still " + status + " after " + DELETION_DEADLINE);
      }
      sleep(wait);
      wait = wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait.multipliedBy(2);
    }
  }

  /** The events of the latest deletion, newest first, one line each. */
  private static String events(CloudFormationClient cloudFormation, Target target) {
    List<String> lines = new ArrayList<>();
    for (StackEvent event :
        cloudFormation
            .describeStackEventsPaginator(request -> request.stackName(target.arn()))
            .stackEvents()) {
      lines.add(
          event.timestamp()
              + " "
              + event.logicalResourceId()
              + " "
              + event.resourceType()
              + " "
              + event.resourceStatusAsString()
              + (event.resourceStatusReason() == null ? "" : ": " + event.resourceStatusReason()));
      boolean deletionStarted =
          event.resourceType().equals("AWS::CloudFormation::Stack")
              && event.resourceStatusAsString().equals("DELETE_IN_PROGRESS");
      if (deletionStarted) {
        break;
      }
    }
    return TaskTexts.lines(lines, "No events.");
  }

  /** The stack by its id (deleted stacks too), or empty when AWS knows no such stack. */
  private static Optional<Stack> describe(CloudFormationClient cloudFormation, String stackId) {
    try {
      return cloudFormation.describeStacks(request -> request.stackName(stackId)).stacks().stream()
          .findFirst();
    } catch (AwsServiceException e) {
      if (AwsErrors.isNoStack(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while a stack was being deleted", e);
    }
  }
}
