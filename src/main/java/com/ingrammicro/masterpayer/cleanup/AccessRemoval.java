package com.ingrammicro.masterpayer.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cleanup.Verification.Result;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The removal of the distributor's access, step by step as the journey runs it: plan, remove,
 * verify. Each step assumes the payer account's cleanup role afresh, records its evidence, and is
 * safe to run again. A refusal that retrying will not fix is a {@link
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
   * Finds the distributor's roles and policies and records the plan; changes nothing in AWS.
   *
   * @throws AccessRemovalBlockedException when automation is off or the account cannot be read
   */
  public AccessRemovalPlan plan(UUID offboardingId, String payerAccountId) {
    String externalId = externalId(offboardingId);
    requireEnabled(offboardingId);
    repository.startStep(offboardingId, now());
    try (CrossAccountSession session =
        assume(offboardingId, payerAccountId, externalId, List.of())) {
      AccessRemovalPlan plan =
          blockingOnRefusal(
              offboardingId,
              session,
              List.of(),
              () -> inAccount(session).discover(payerAccountId, session.roleArn()));
      repository.savePlan(offboardingId, write(plan), session.counter(), now());
      log.info(
          "Access removal planned for offboarding {}: {} roles, {} policies, {} calls; {} IAM calls",
          offboardingId,
          plan.roles().size(),
          plan.policies().size(),
          plan.stepCount(),
          session.counter().calls());
      return plan;
    }
  }

  /**
   * Carries out the recorded plan. Every call that changes the account is recorded as it happens.
   *
   * @throws AccessRemovalBlockedException when AWS refuses; the exception lists what remains
   */
  public void remove(UUID offboardingId, String payerAccountId) {
    AccessRemovalRecord record =
        repository
            .find(offboardingId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No access removal plan for offboarding " + offboardingId));
    AccessRemovalPlan plan = read(record.planJson());
    List<String> everything = plan.targets().map(AccessRemovalPlan.Target::label).toList();
    requireEnabled(offboardingId);
    try (CrossAccountSession session =
        assume(offboardingId, payerAccountId, record.externalId(), everything)) {
      AtomicInteger changes = new AtomicInteger();
      blockingOnRefusal(
          offboardingId,
          session,
          everything,
          () -> {
            inAccount(session)
                .remove(
                    plan,
                    call -> {
                      repository.recordCall(offboardingId, call);
                      if (call.outcome() == AwsCall.Outcome.DONE) {
                        changes.incrementAndGet();
                      }
                    });
            return null;
          });
      repository.saveStatus(
          offboardingId, AccessRemovalStatus.REMOVED, null, session.counter(), now());
      log.info(
          "Access removal for offboarding {} made {} changes ({} planned) with {} IAM calls ({} HTTP attempts)",
          offboardingId,
          changes.get(),
          plan.stepCount(),
          session.counter().calls(),
          session.counter().attempts());
    }
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
        AccessRemovalPlan found = inAccount(session).discover(payerAccountId, session.roleArn());
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
                    record.planJson() == null ? null : read(record.planJson()),
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

  private AccessRemovalPlan read(String planJson) {
    try {
      return json.readValue(planJson, AccessRemovalPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored cleanup plan is not readable", e);
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
