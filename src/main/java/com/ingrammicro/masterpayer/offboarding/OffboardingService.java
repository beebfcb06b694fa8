package com.ingrammicro.masterpayer.offboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.registry.PayerAccount;
import com.ingrammicro.masterpayer.registry.PayerRegistry;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Digests;
import com.ingrammicro.masterpayer.system.RetryingTransactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Starts, reads and withdraws offboardings on behalf of a caller. Resellers see only their own
 * offboardings (another reseller's is "not found"); staff read all of them.
 */
@Service
public class OffboardingService {

  record Started(Offboarding offboarding, boolean replayed) {}

  record Page(List<Offboarding> content, int page, int size, long totalElements) {}

  private final OffboardingRepository repository;
  private final PayerRegistry registry;
  private final OffboardingJourneys journeys;
  private final RetryingTransactions transactions;
  private final ObjectMapper objectMapper;
  private final Clock clock;

  OffboardingService(
      OffboardingRepository repository,
      PayerRegistry registry,
      OffboardingJourneys journeys,
      RetryingTransactions transactions,
      ObjectMapper objectMapper,
      Clock clock) {
    this.repository = repository;
    this.registry = registry;
    this.journeys = journeys;
    this.transactions = transactions;
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  /**
   * Starts an offboarding for the caller's reseller, of a payer account the payer registry has
   * registered to it (else 422, the same for an unknown payer account and another reseller's). The
   * record and the process instance are created in one transaction, with the registry entry locked;
   * the database's unique index decides between concurrent starts for one payer, and as the
   * registry check comes first, the 409 that names the active offboarding only ever answers the
   * caller's own payer accounts. A repeated {@code idempotencyKey} with the same request returns
   * the offboarding it created.
   */
  Started start(AppUser user, OffboardingRequest request, String idempotencyKey) {
    String resellerId = resellerOf(user);
    String fingerprint = idempotencyKey == null ? null : fingerprint(request);
    Optional<Started> replay = replay(resellerId, idempotencyKey, fingerprint);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      Offboarding created =
          transactions.execute(
              () -> {
                PayerAccount entry =
                    registry
                        .registeredTo(request.payerAccountId(), resellerId)
                        .orElseThrow(OffboardingProblems::payerNotRegistered);
                Offboarding offboarding =
                    Offboarding.requested(
                        UUID.randomUUID(), resellerId, user.userId(), request, entry.id(), now());
                repository.insert(offboarding, idempotencyKey, fingerprint);
                // the process's start listener binds the record to the instance, in this
                // transaction (process/JourneyListener.begin)
                String processInstanceId = journeys.start(offboarding, entry, user);
                return offboarding.withProcessInstanceId(processInstanceId);
              });
      return new Started(created, false);
    } catch (DuplicateKeyException duplicate) {
      // Either a concurrent request with the same idempotency key, or another active offboarding of
      // this payer account, which is registered to the caller's reseller: the check came first.
      return replay(resellerId, idempotencyKey, fingerprint)
          .orElseThrow(
              () -> {
                UUID existing =
                    repository
                        .findActiveByPayer(request.payerAccountId())
                        .filter(active -> active.resellerId().equals(resellerId))
                        .map(Offboarding::id)
                        .orElse(null);
                return OffboardingProblems.activeOffboardingExists(
                    request.payerAccountId(), existing);
              });
    }
  }

  private Optional<Started> replay(String resellerId, String idempotencyKey, String fingerprint) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return repository
        .findByIdempotencyKey(resellerId, idempotencyKey)
        .map(
            earlier -> {
              if (!earlier.fingerprint().equals(fingerprint)) {
                throw OffboardingProblems.idempotencyKeyReused();
              }
              return new Started(earlier.offboarding(), true);
            });
  }

  /**
   * The offboarding if the caller may see it; "not found" otherwise, so ids of others leak nothing.
   */
  public Offboarding get(AppUser user, UUID id) {
    return repository
        .findById(id)
        .filter(
            offboarding ->
                user.isStaff()
                    || user.resellerId().filter(offboarding.resellerId()::equals).isPresent())
        .orElseThrow(() -> OffboardingProblems.notFound(id));
  }

  /** The offboarding if it belongs to the caller's reseller; staff cannot act for a reseller. */
  public Offboarding getOwn(AppUser user, UUID id) {
    String resellerId = resellerOf(user);
    return repository
        .findById(id)
        .filter(offboarding -> offboarding.resellerId().equals(resellerId))
        .orElseThrow(() -> OffboardingProblems.notFound(id));
  }

  Page list(AppUser user, OffboardingStatus status, int page, int size) {
    String resellerId = user.isStaff() ? null : resellerOf(user);
    List<Offboarding> content = repository.page(resellerId, status, page * size, size);
    return new Page(content, page, size, repository.count(resellerId, status));
  }

  Offboarding withdraw(AppUser user, UUID id, String reason) {
    return transactions.execute(
        () -> {
          Offboarding offboarding = getOwn(user, id);
          if (!offboarding.isActive()) {
            throw OffboardingProblems.conflict(
                "offboarding-ended",
                "The offboarding has ended",
                "Offboarding "
                    + id
                    + " has already ended as "
                    + offboarding.status()
                    + "; there is nothing to withdraw.");
          }
          if (!offboarding.isWithdrawable()
              || !journeys.requestWithdrawal(offboarding, reason, user)) {
            throw withdrawalTooLate(id);
          }
          return repository.findById(id).orElseThrow();
        });
  }

  private static RuntimeException withdrawalTooLate(UUID id) {
    return OffboardingProblems.conflict(
        "withdrawal-too-late",
        "Withdrawal no longer possible",
        "The removal of the distributor's access has started for offboarding "
            + id
            + "; it can no longer be withdrawn.");
  }

  private static String resellerOf(AppUser user) {
    return user.resellerId()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "User "
                        + user.userId()
                        + " reached a reseller operation without a reseller id"));
  }

  private String fingerprint(OffboardingRequest request) {
    try {
      return Digests.sha256Hex(
          objectMapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
