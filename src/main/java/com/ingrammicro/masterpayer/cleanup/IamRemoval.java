package com.ingrammicro.masterpayer.cleanup;

import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Kind;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Skipped;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Step;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Target;
import com.ingrammicro.masterpayer.cleanup.AwsCall.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.IamResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM work in one payer account: discovery of the distributor's footprint, its removal in the
 * order IAM requires, and verification. Idempotent: NoSuchEntity counts as done, so running it
 * again after a crash finishes what the first run started. Every list call follows IAM's paging.
 */
final class IamRemoval {

  private final IamClient iam;
  private final DistributorFootprint footprint;
  private final Clock clock;
  private final int deleteConflictAttempts;
  private final Duration deleteConflictBackoff;

  IamRemoval(
      IamClient iam,
      DistributorFootprint footprint,
      Clock clock,
      int deleteConflictAttempts,
      Duration deleteConflictBackoff) {
    this.iam = iam;
    this.footprint = footprint;
    this.clock = clock;
    this.deleteConflictAttempts = deleteConflictAttempts;
    this.deleteConflictBackoff = deleteConflictBackoff;
  }

  // --- discovery -------------------------------------------------------------------------------

  AccessRemovalPlan discover(String payerAccountId, String roleArn) {
    List<Target> roles = new ArrayList<>();
    List<Target> policies = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Role role : iam.listRolesPaginator(request -> {}).roles()) {
      Optional<String> reason =
          footprint.roleReason(role.roleName(), role.assumeRolePolicyDocument());
      if (reason.isEmpty()) {
        continue;
      }
      Optional<String> protection = footprint.protectedRole(role.roleName(), role.path());
      if (protection.isPresent()) {
        skipped.add(new Skipped(Kind.ROLE, role.roleName(), protection.get()));
        continue;
      }
      roleListing(role.roleName())
          .ifPresent(
              listing -> {
                roles.add(
                    new Target(
                        Kind.ROLE,
                        role.roleName(),
                        role.arn(),
                        reason.get(),
                        listing.steps(),
                        listing.stack()));
                if (listing.lastUsed() != null) {
                  warnings.add(
                      "role "
                          + role.roleName()
                          + " was last used "
                          + listing.lastUsed()
                          + ": whatever still uses it loses that access");
                }
              });
    }
    for (Policy policy :
        iam.listPoliciesPaginator(request -> request.scope(PolicyScopeType.LOCAL)).policies()) {
      footprint
          .policyReason(policy.policyName())
          .ifPresent(
              reason ->
                  policySteps(policy.arn())
                      .ifPresent(
                          steps ->
                              policies.add(
                                  new Target(
                                      Kind.POLICY,
                                      policy.policyName(),
                                      policy.arn(),
                                      reason,
                                      steps))));
    }
    warnings.addAll(wideningBoundaries(roles, policies));
    return new AccessRemovalPlan(
        payerAccountId,
        roleArn,
        clock.instant(),
        roles,
        policies,
        List.of(),
        List.of(),
        skipped,
        warnings);
  }

  /**
   * A distributor policy that is the permissions boundary of a user or role that stays: removing
   * the boundary lets that principal do everything its own policies allow.
   */
  private static List<String> wideningBoundaries(List<Target> roles, List<Target> policies) {
    List<String> removedRoles = roles.stream().map(Target::name).toList();
    List<String> warnings = new ArrayList<>();
    for (Target policy : policies) {
      for (Step step : policy.steps()) {
        boolean user = step.action().equals("DeleteUserPermissionsBoundary");
        boolean role =
            step.action().equals("DeleteRolePermissionsBoundary")
                && !removedRoles.contains(step.subject());
        if (user || role) {
          warnings.add(
              "removing policy "
                  + policy.name()
                  + " as the permissions boundary of "
                  + (user ? "user " : "role ")
                  + step.subject()
                  + " widens what it may do to everything its own policies allow");
        }
      }
    }
    return warnings;
  }

  /**
   * The calls that remove a role, when it was last used and the stack that made it, as GetRole
   * tells.
   */
  private record RoleListing(List<Step> steps, String lastUsed, String stack) {}

  private Optional<List<Step>> roleSteps(String roleName) {
    return roleListing(roleName).map(RoleListing::steps);
  }

  /** The calls that remove a role, in IAM's order; empty when the role is already gone. */
  private Optional<RoleListing> roleListing(String roleName) {
    return unlessGone(
        () -> {
          List<Step> steps = new ArrayList<>();
          iam.listInstanceProfilesForRolePaginator(request -> request.roleName(roleName))
              .instanceProfiles()
              .forEach(
                  profile ->
                      steps.add(
                          new Step(
                              "RemoveRoleFromInstanceProfile", profile.instanceProfileName())));
          iam.listAttachedRolePoliciesPaginator(request -> request.roleName(roleName))
              .attachedPolicies()
              .forEach(policy -> steps.add(new Step("DetachRolePolicy", policy.policyArn())));
          iam.listRolePoliciesPaginator(request -> request.roleName(roleName))
              .policyNames()
              .forEach(policyName -> steps.add(new Step("DeleteRolePolicy", policyName)));
          // ListRoles returns neither permissions boundaries nor the last use; GetRole does.
          Role role = iam.getRole(request -> request.roleName(roleName)).role();
          AttachedPermissionsBoundary boundary = role.permissionsBoundary();
          if (boundary != null && boundary.permissionsBoundaryArn() != null) {
            steps.add(new Step("DeleteRolePermissionsBoundary", boundary.permissionsBoundaryArn()));
          }
          steps.add(new Step("DeleteRole", roleName));
          RoleLastUsed used = role.roleLastUsed();
          return new RoleListing(
              steps,
              used == null || used.lastUsedDate() == null
                  ? null
                  : used.lastUsedDate() + (used.region() == null ? "" : " in " + used.region()),
              role.tags().stream()
                  .filter(tag -> tag.key().equals("aws:cloudformation:stack-id"))
                  .map(Tag::value)
                  .findFirst()
                  .orElse(null));
        });
  }

  /**
   * The calls that remove a customer-managed policy, in IAM's order; empty when it is already gone.
   */
  private Optional<List<Step>> policySteps(String policyArn) {
    return unlessGone(
        () -> {
          List<Step> steps = new ArrayList<>();
          for (ListEntitiesForPolicyResponse page :
              iam.listEntitiesForPolicyPaginator(
                  request ->
                      request
                          .policyArn(policyArn)
                          .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY))) {
            page.policyUsers()
                .forEach(user -> steps.add(new Step("DetachUserPolicy", user.userName())));
            page.policyGroups()
                .forEach(group -> steps.add(new Step("DetachGroupPolicy", group.groupName())));
            page.policyRoles()
                .forEach(role -> steps.add(new Step("DetachRolePolicy", role.roleName())));
          }
          for (ListEntitiesForPolicyResponse page :
              iam.listEntitiesForPolicyPaginator(
                  request ->
                      request
                          .policyArn(policyArn)
                          .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY))) {
            page.policyUsers()
                .forEach(
                    user -> steps.add(new Step("DeleteUserPermissionsBoundary", user.userName())));
            page.policyRoles()
                .forEach(
                    role -> steps.add(new Step("DeleteRolePermissionsBoundary", role.roleName())));
          }
          for (PolicyVersion version :
              iam.listPolicyVersionsPaginator(request -> request.policyArn(policyArn)).versions()) {
            if (!Boolean.TRUE.equals(version.isDefaultVersion())) {
              steps.add(new Step("DeletePolicyVersion", version.versionId()));
            }
          }
          steps.add(new Step("DeletePolicy", policyArn));
          return steps;
        });
  }

  /** Listing an entity that vanished meanwhile answers NoSuchEntity: nothing left to do for it. */
  private static <T> Optional<T> unlessGone(Supplier<T> listing) {
    try {
      return Optional.of(listing.get());
    } catch (AwsServiceException e) {
      if (AwsErrors.isGone(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  // --- removal ---------------------------------------------------------------------------------

  /**
   * Removes every target of the approved plan: roles first (which detaches their policies), then
   * policies. Each entity's calls are listed again just before they run, so what has gone since the
   * plan (a crash halfway, a detach by hand) is skipped; a call the plan does not list stops the
   * removal before it is made. Calls that change something go to {@code journal}.
   *
   * @throws AccessRemovalBlockedException when AWS refuses for a reason retrying will not fix
   * @throws AccessRemovalPlanOutdatedException when the account needs a call the plan does not have
   */
  void remove(AccessRemovalPlan plan, int round, Consumer<AwsCall> journal) {
    List<Target> targets = plan.targets().toList();
    int iamTargets = plan.roles().size() + plan.policies().size();
    for (int i = 0; i < iamTargets; i++) {
      Target target = targets.get(i);
      try {
        removeWithConflictRetries(plan, round, target, journal);
      } catch (AwsServiceException e) {
        List<String> remaining =
            targets.subList(i, targets.size()).stream().map(Target::label).toList();
        throw AwsErrors.blockingReason(e)
            .<RuntimeException>map(
                reason ->
                    new AccessRemovalBlockedException(
                        "AWS refused to remove " + target.label() + ": " + reason, remaining))
            .orElse(e);
      }
    }
  }

  /**
   * IAM is eventually consistent: a delete right after a detach can still see the attachment and
   * answer DeleteConflict. List again, wait and retry; what still conflicts goes to the job's
   * retries.
   */
  private void removeWithConflictRetries(
      AccessRemovalPlan plan, int round, Target target, Consumer<AwsCall> journal) {
    Duration wait = deleteConflictBackoff;
    for (int attempt = 1; ; attempt++) {
      try {
        Optional<List<Step>> steps =
            target.kind() == Kind.ROLE ? roleSteps(target.name()) : policySteps(target.arn());
        if (steps.isEmpty()) {
          journal.accept(
              new AwsCall(
                  target.label(),
                  target.kind() == Kind.ROLE ? "DeleteRole" : "DeletePolicy",
                  target.kind() == Kind.ROLE ? target.name() : target.arn(),
                  Outcome.ALREADY_GONE,
                  "NoSuchEntity",
                  null,
                  clock.instant()));
          return;
        }
        List<String> unplanned =
            steps.get().stream()
                .filter(step -> !plan.allows(target, step))
                .map(step -> AccessRemovalPlanOutdatedException.notInPlan(target, step))
                .toList();
        if (!unplanned.isEmpty()) {
          throw new AccessRemovalPlanOutdatedException(round, unplanned);
        }
        for (Step step : steps.get()) {
          call(target, step, journal);
        }
        return;
      } catch (AwsServiceException e) {
        if (!AwsErrors.isDeleteConflict(e) || attempt >= deleteConflictAttempts) {
          throw e;
        }
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
    }
  }

  private void call(Target target, Step step, Consumer<AwsCall> journal) {
    try {
      IamResponse response = execute(target, step);
      journal.accept(
          AwsCall.done(
              target, step, response.responseMetadata().requestId(), clock.instant(), null));
    } catch (AwsServiceException e) {
      boolean gone = AwsErrors.isGone(e);
      journal.accept(
          AwsCall.answered(
              target,
              step,
              gone ? Outcome.ALREADY_GONE : Outcome.FAILED,
              e,
              clock.instant(),
              null));
      if (!gone) {
        throw e;
      }
    }
  }

  private IamResponse execute(Target target, Step step) {
    String subject = step.subject();
    if (target.kind() == Kind.ROLE) {
      String role = target.name();
      return switch (step.action()) {
        case "RemoveRoleFromInstanceProfile" ->
            iam.removeRoleFromInstanceProfile(
                request -> request.roleName(role).instanceProfileName(subject));
        case "DetachRolePolicy" ->
            iam.detachRolePolicy(request -> request.roleName(role).policyArn(subject));
        case "DeleteRolePolicy" ->
            iam.deleteRolePolicy(request -> request.roleName(role).policyName(subject));
        case "DeleteRolePermissionsBoundary" ->
            iam.deleteRolePermissionsBoundary(request -> request.roleName(role));
        case "DeleteRole" -> iam.deleteRole(request -> request.roleName(role));
        default -> throw new IllegalArgumentException("Not a role step: " + step);
      };
    }
    String policyArn = target.arn();
    return switch (step.action()) {
      case "DetachUserPolicy" ->
          iam.detachUserPolicy(request -> request.userName(subject).policyArn(policyArn));
      case "DetachGroupPolicy" ->
          iam.detachGroupPolicy(request -> request.groupName(subject).policyArn(policyArn));
      case "DetachRolePolicy" ->
          iam.detachRolePolicy(request -> request.roleName(subject).policyArn(policyArn));
      case "DeleteUserPermissionsBoundary" ->
          iam.deleteUserPermissionsBoundary(request -> request.userName(subject));
      case "DeleteRolePermissionsBoundary" ->
          iam.deleteRolePermissionsBoundary(request -> request.roleName(subject));
      case "DeletePolicyVersion" ->
          iam.deletePolicyVersion(request -> request.policyArn(policyArn).versionId(subject));
      case "DeletePolicy" -> iam.deletePolicy(request -> request.policyArn(policyArn));
      default -> throw new IllegalArgumentException("Not a policy step: " + step);
    };
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for IAM to settle", e);
    }
  }
}
