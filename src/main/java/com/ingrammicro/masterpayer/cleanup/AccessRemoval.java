package com.ingrammicro.masterpayer.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cleanup.Verification.Result;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The removal of the distributor's access, step by step as the journey runs it: plan, approve,
 * remove, verify. Each step that reaches AWS assumes the payer account's cleanup role afresh,
 * records its evidence, and is safe to run again. A refusal that retrying will not fix is a {@link
 * AccessRemovalBlockedException}; anything else (throttling, server errors, IAM still settling)
 * propagates, to be retried and then to become an incident.
 */
@Service
public class AccessRemoval implements AccessRemovalEvidenceQuery {

  private static final Logger log = LoggerFactory.getLogger(AccessRemoval.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccessRemovalProperties properties;
  private final AwsClients aws;
  private final AccessRemovalRepository repository;
  private final DistributorFootprint footprint;
  private final ObjectMapper json;
  private final Clock clock;

  AccessRemoval(
      AccessRemovalProperties properties,
      AwsClients aws,
      AccessRemovalRepository repository,
      ObjectMapper json,
      Clock clock) {
    this.properties = properties;
    this.aws = aws;
    this.repository = repository;
    this.footprint = new DistributorFootprint(properties, json);
    this.json = json;
    this.clock = clock;
  }

  public boolean isEnabled() {
    return properties.enabled();
  }

  /** The ExternalId the offboarding's cleanup role must require; made once, on first use. */
  String externalId(UUID offboardingId) {
    return repository.findOrCreate(offboardingId, newExternalId(), now()).externalId();
  }

  /**
   * Finds the distributor's footprint and records it as a new plan round, with the SHA-256 of its
   * canonical text; changes nothing in AWS. Unless the configuration approves plans ({@code
   * plan-approval: automatic}), the round waits for a person's {@link #approve}.
   *
   * @throws AccessRemovalBlockedException when automation is off or the account cannot be read
   */
  public PlannedRemoval plan(UUID offboardingId, String payerAccountId) {
    String externalId = externalId(offboardingId);
    requireEnabled(offboardingId);
    repository.startStep(offboardingId, now());
    try (CrossAccountSession session =
        assume(offboardingId, payerAccountId, externalId, List.of())) {
      AccessRemovalPlan plan =
          blockingOnRefusal(
              offboardingId, session, List.of(), () -> discover(session, payerAccountId));
      String canonical = CanonicalPlan.write(plan);
      String sha256 = CanonicalPlan.sha256(canonical);
      boolean automatic =
          properties.planApproval() == AccessRemovalProperties.PlanApproval.AUTOMATIC;
      OffsetDateTime now = now();
      int round =
          repository.addRound(
              offboardingId,
              canonical,
              sha256,
              now,
              automatic ? PlanRound.ENGINE : null,
              session.counter());
      log.info(
          "Access removal planned for offboarding {}, round {} ({}): {} roles, {} policies, {} stacks, {} calls; {} AWS calls",
          offboardingId,
          round,
          automatic ? "approved by the configuration" : "awaiting approval",
          plan.roles().size(),
          plan.policies().size(),
          plan.stacks().size(),
          plan.stepCount(),
          session.counter().calls());
      return new PlannedRemoval(plan, round, sha256, !automatic, history(offboardingId, round));
    }
  }

  /** The rounds before {@code round}, one line each, for the person who approves the new one. */
  private String history(UUID offboardingId, int round) {
    return TaskTexts.bullets(
        repository.rounds(offboardingId).stream()
            .filter(earlier -> earlier.round() < round)
            .map(
                earlier ->
                    "round "
                        + earlier.round()
                        + " (SHA-256 "
                        + earlier.sha256()
                        + "): "
                        + earlier.decision()
                        + (earlier.decidedBy() == null
                            ? ""
                            : earlier.decision() == PlanRound.Decision.SUPERSEDED
                                ? " after its approval by " + earlier.decidedBy()
                                : " by " + earlier.decidedBy())
                        + (earlier.reason() == null ? "" : ": " + earlier.reason()))
            .toList(),
        "This is the first plan.");
  }

  /**
   * A person approves the plan round they were shown ({@code sha256} is what their task showed).
   *
   * @throws RemovalPlanNotCurrentException when that round is not the current undecided one, or its
   *     plan is not the one shown
   */
  public void approve(UUID offboardingId, int round, String sha256, String user) {
    decide(offboardingId, round, sha256, PlanRound.Decision.APPROVED, user, null);
    log.info(
        "Access removal plan round {} of offboarding {} approved by {} (SHA-256 {})",
        round,
        offboardingId,
        user,
        sha256);
  }

  /**
   * A person rejects the plan round they were shown: the removal is done by hand, for the reason
   * given.
   *
   * @throws RemovalPlanNotCurrentException as {@link #approve}
   */
  public void reject(UUID offboardingId, int round, String sha256, String user, String reason) {
    decide(offboardingId, round, sha256, PlanRound.Decision.REJECTED, user, reason);
    log.info(
        "Access removal plan round {} of offboarding {} rejected by {}: {}",
        round,
        offboardingId,
        user,
        reason);
  }

  private void decide(
      UUID offboardingId,
      int round,
      String sha256,
      PlanRound.Decision decision,
      String user,
      String reason) {
    if (!repository.decide(offboardingId, round, sha256, decision, user, reason, now())) {
      PlanRound current = repository.currentRound(offboardingId).orElse(null);
      throw new RemovalPlanNotCurrentException(
          current == null
              ? "There is no removal plan for this offboarding."
              : current.round() != round
                  ? "Plan round "
                      + round
                      + " is no longer current: round "
                      + current.round()
                      + " replaced it. Look at the current plan."
                  : current.decision() != PlanRound.Decision.PROPOSED
                      ? "Plan round " + round + " was already " + current.decision() + "."
                      : "The plan shown (SHA-256 "
                          + sha256
                          + ") is not plan round "
                          + round
                          + " as recorded (SHA-256 "
                          + current.sha256()
                          + ").");
    }
  }

  /**
   * Makes the calls of the approved plan, and only those. Every call that changes the account is
   * recorded as it happens. The account is listed again first: an entity or a call the approved
   * plan does not have ends the round before any change.
   *
   * @throws AccessRemovalBlockedException when AWS refuses; the exception lists what remains
   * @throws AccessRemovalPlanOutdatedException when the account no longer matches the approved plan
   */
  public void remove(UUID offboardingId, String payerAccountId) {
    AccessRemovalRecord record =
        repository
            .find(offboardingId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No access removal plan for offboarding " + offboardingId));
    PlanRound approved =
        repository
            .currentRound(offboardingId)
            .filter(round -> round.decision() == PlanRound.Decision.APPROVED)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No approved access removal plan for offboarding " + offboardingId));
    AccessRemovalPlan plan = CanonicalPlan.read(approved.plan());
    List<String> everything = plan.targets().map(AccessRemovalPlan.Target::label).toList();
    requireEnabled(offboardingId);
    try (CrossAccountSession session =
        assume(offboardingId, payerAccountId, record.externalId(), everything)) {
      AtomicInteger changes = new AtomicInteger();
      try {
        blockingOnRefusal(
            offboardingId,
            session,
            everything,
            () -> {
              List<String> unplanned = unplanned(plan, discover(session, payerAccountId));
              if (!unplanned.isEmpty()) {
                throw new AccessRemovalPlanOutdatedException(approved.round(), unplanned);
              }
              Consumer<AwsCall> journal =
                  call -> {
                    repository.recordCall(offboardingId, call);
                    if (call.outcome() == AwsCall.Outcome.DONE) {
                      changes.incrementAndGet();
                    }
                  };
              inAccount(session).remove(plan, approved.round(), journal);
              stacks(session).remove(plan, journal);
              buckets(session).remove(plan, approved.round(), journal);
              return null;
            });
      } catch (AccessRemovalPlanOutdatedException outdated) {
        repository.supersede(
            offboardingId, approved.round(), outdated.getMessage(), session.counter(), now());
        log.warn(
            "Access removal for offboarding {} stopped: {}", offboardingId, outdated.getMessage());
        throw outdated;
      }
      repository.saveStatus(
          offboardingId, AccessRemovalStatus.REMOVED, null, session.counter(), now());
      log.info(
          "Access removal for offboarding {} made {} changes ({} planned, round {}) with {} AWS calls ({} HTTP attempts)",
          offboardingId,
          changes.get(),
          plan.stepCount(),
          approved.round(),
          session.counter().calls(),
          session.counter().attempts());
    }
  }

  /** What the account holds now that the approved plan does not: new entities, new calls. */
  private static List<String> unplanned(AccessRemovalPlan approved, AccessRemovalPlan now) {
    List<String> unplanned = new ArrayList<>();
    for (AccessRemovalPlan.Target found : now.targets().toList()) {
      boolean known = approved.targets().anyMatch(target -> target.label().equals(found.label()));
      if (!known) {
        unplanned.add(found.label() + " (" + found.reason() + ") is not in it");
        continue;
      }
      for (AccessRemovalPlan.Step step : found.steps()) {
        if (!approved.allows(found, step)) {
          unplanned.add(AccessRemovalPlanOutdatedException.notInPlan(found, step));
        }
      }
    }
    return unplanned;
  }

  /**
   * Looks again: nothing of the distributor may remain. When AWS cannot be asked and a person has
   * just attested the removal ({@code attested}), the outcome says exactly that: attested, not
   * verified.
   */
  public VerificationOutcome verify(UUID offboardingId, String payerAccountId, boolean attested) {
    AccessRemovalRecord record = repository.findOrCreate(offboardingId, newExternalId(), now());
    Verification verification;
    AwsClients.CallCounter calls = null;
    if (!properties.enabled()) {
      verification =
          new Verification(Result.UNVERIFIABLE, List.of(), disabledReason(), clock.instant(), null);
    } else {
      try (CrossAccountSession session =
          aws.assume(payerAccountId, record.externalId(), offboardingId.toString())) {
        calls = session.counter();
        AccessRemovalPlan found = discover(session, payerAccountId);
        List<String> remaining = found.targets().map(AccessRemovalPlan.Target::label).toList();
        verification =
            new Verification(
                remaining.isEmpty() ? Result.VERIFIED : Result.REMAINING,
                remaining,
                null,
                clock.instant(),
                session.assumeRequestId());
      } catch (AwsServiceException e) {
        String reason = refusal(e).orElseThrow(() -> e);
        verification =
            new Verification(Result.UNVERIFIABLE, List.of(), reason, clock.instant(), null);
      }
    }
    AccessRemovalStatus status =
        switch (verification.result()) {
          case VERIFIED -> AccessRemovalStatus.VERIFIED;
          case REMAINING -> AccessRemovalStatus.REMAINING;
          case UNVERIFIABLE ->
              attested ? AccessRemovalStatus.ATTESTED : AccessRemovalStatus.UNVERIFIABLE;
        };
    repository.saveVerification(
        offboardingId, status, write(verification), verification.problem(), calls, now());
    log.info("Access removal for offboarding {} checked: {}", offboardingId, status);
    return new VerificationOutcome(payerAccountId, verification, attested);
  }

  /** A person confirms having removed the access by hand (task "Remove distributor access"). */
  public void attest(UUID offboardingId, String user, String notes) {
    repository.findOrCreate(offboardingId, newExternalId(), now());
    repository.attest(offboardingId, user, notes, now());
  }

  /** Where the removal stands, with its evidence; empty before anything happened. */
  @Override
  public Optional<AccessRemovalEvidence> evidence(UUID offboardingId) {
    return repository
        .find(offboardingId)
        .map(
            record ->
                new AccessRemovalEvidence(
                    record.status(),
                    record.failure(),
                    record.planJson() == null ? null : CanonicalPlan.read(record.planJson()),
                    record.planRound(),
                    record.planJson() == null ? null : CanonicalPlan.sha256(record.planJson()),
                    repository.rounds(offboardingId),
                    record.status() == AccessRemovalStatus.AWAITING
                        ? List.of()
                        : repository.calls(offboardingId),
                    record.verificationJson() == null
                        ? null
                        : readVerification(record.verificationJson()),
                    record.attestedBy() == null
                        ? null
                        : new AccessRemovalEvidence.Attestation(
                            record.attestedBy(), record.attestedAt(), record.attestationNotes()),
                    record.iamCalls(),
                    record.iamAttempts(),
                    record.startedAt(),
                    record.finishedAt(),
                    record.updatedAt()));
  }

  private CrossAccountSession assume(
      UUID offboardingId, String payerAccountId, String externalId, List<String> remaining) {
    try {
      return aws.assume(payerAccountId, externalId, offboardingId.toString());
    } catch (StsException e) {
      throw blocked(offboardingId, refusal(e).orElseThrow(() -> e), remaining, null);
    }
  }

  /**
   * STS refuses AssumeRole with 4xx when the role is missing, does not trust the engine or wants
   * another ExternalId: people must sort that out with the reseller. Throttling and 5xx are
   * retried.
   */
  private static Optional<String> refusal(AwsServiceException e) {
    if (e instanceof StsException
        && e.statusCode() >= 400
        && e.statusCode() < 500
        && !e.isThrottlingException()) {
      return Optional.of(
          "The cleanup role could not be assumed ("
              + AwsErrors.code(e)
              + ": "
              + AwsErrors.message(e)
              + "). Has the reseller deployed it from /cleanup-access, with this offboarding's ExternalId?");
    }
    return AwsErrors.blockingReason(e);
  }

  private <T> T blockingOnRefusal(
      UUID offboardingId, CrossAccountSession session, List<String> remaining, Supplier<T> work) {
    try {
      return work.get();
    } catch (AccessRemovalBlockedException e) {
      throw blocked(offboardingId, e.getMessage(), e.remaining(), session.counter());
    } catch (AwsServiceException e) {
      Optional<String> reason = AwsErrors.blockingReason(e);
      if (reason.isEmpty()) {
        throw e;
      }
      throw blocked(offboardingId, reason.get(), remaining, session.counter());
    }
  }

  private AccessRemovalBlockedException blocked(
      UUID offboardingId, String reason, List<String> remaining, AwsClients.CallCounter calls) {
    repository.saveStatus(offboardingId, AccessRemovalStatus.BLOCKED, reason, calls, now());
    log.warn(
        "Access removal for offboarding {} is blocked, handed to Ingram IaaS sales: {}",
        offboardingId,
        reason);
    return new AccessRemovalBlockedException(reason, remaining);
  }

  private void requireEnabled(UUID offboardingId) {
    if (!properties.enabled()) {
      throw blocked(offboardingId, disabledReason(), List.of(), null);
    }
  }

  private static String disabledReason() {
    return "Automated removal is not enabled on this engine (offboarding.cleanup.enabled=false).";
  }

  /**
   * The distributor's footprint in the account: IAM's, with the stacks that hold it, and its grants
   * in bucket policies.
   */
  private AccessRemovalPlan discover(CrossAccountSession session, String payerAccountId) {
    return buckets(session)
        .assign(
            stacks(session).assign(inAccount(session).discover(payerAccountId, session.roleArn())));
  }

  private BucketPolicyRemoval buckets(CrossAccountSession session) {
    return new BucketPolicyRemoval(session, footprint, clock);
  }

  private StackRemoval stacks(CrossAccountSession session) {
    return new StackRemoval(session, clock, properties.deleteConflictBackoff());
  }

  private IamRemoval inAccount(CrossAccountSession session) {
    return new IamRemoval(
        session.iam(),
        footprint,
        clock,
        properties.deleteConflictAttempts(),
        properties.deleteConflictBackoff());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write cleanup evidence as JSON", e);
    }
  }

  private Verification readVerification(String verificationJson) {
    try {
      return json.readValue(verificationJson, Verification.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored verification is not readable", e);
    }
  }

  private static String newExternalId() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
