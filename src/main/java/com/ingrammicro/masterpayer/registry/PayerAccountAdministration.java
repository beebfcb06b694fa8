package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Resellers;
import com.ingrammicro.masterpayer.system.RetryingTransactions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * The administrators' changes of the payer registry: register, move to another reseller, retire,
 * import a CSV file. Each change writes its {@link PayerAccountChange} in the same transaction,
 * with the administrator's user id. A payer account with an offboarding in progress is neither
 * moved nor retired: its row is locked first, so an offboarding that starts at the same moment
 * either finishes first (and the change is refused) or sees the account as it is after the change.
 */
@Service
class PayerAccountAdministration {

  /** Who the demo seed's entries are created by. */
  static final String SYSTEM = "system";

  record Page(List<PayerAccount> content, int page, int size, long totalElements) {}

  /**
   * @param registered the payer accounts the import added
   * @param unchanged those already registered to the same reseller under the same name
   */
  record ImportResult(int rows, int registered, int unchanged) {}

  private final PayerAccountRepository repository;
  private final ActiveOffboardings activeOffboardings;
  private final Resellers resellers;
  private final RetryingTransactions transactions;
  private final Validator validator;
  private final Clock clock;

  PayerAccountAdministration(
      PayerAccountRepository repository,
      ActiveOffboardings activeOffboardings,
      Resellers resellers,
      RetryingTransactions transactions,
      Validator validator,
      Clock clock) {
    this.repository = repository;
    this.activeOffboardings = activeOffboardings;
    this.resellers = resellers;
    this.transactions = transactions;
    this.validator = validator;
    this.clock = clock;
  }

  Page list(String resellerId, boolean includeRetired, int page, int size) {
    return new Page(
        repository.page(resellerId, includeRetired, page * size, size),
        page,
        size,
        repository.count(resellerId, includeRetired));
  }

  PayerAccount get(String accountId) {
    return repository
        .findActive(accountId)
        .orElseThrow(() -> RegistryProblems.notRegistered(accountId));
  }

  PayerAccount register(AppUser admin, NewPayerAccount account) {
    return register(admin.userId(), account, RegistrySource.ADMIN);
  }

  PayerAccount register(String by, NewPayerAccount account, RegistrySource source) {
    requireKnownReseller(account.resellerId());
    try {
      return transactions.execute(
          () -> {
            repository
                .lockActive(account.accountId())
                .ifPresent(
                    existing -> {
                      throw RegistryProblems.alreadyRegistered(existing);
                    });
            OffsetDateTime now = now();
            PayerAccount entry =
                new PayerAccount(
                    UUID.randomUUID(),
                    account.accountId(),
                    account.resellerId(),
                    account.name(),
                    now,
                    source,
                    by,
                    null,
                    null);
            repository.insert(entry);
            repository.insert(
                change(entry, PayerAccountChange.Kind.REGISTERED, null, source, by, now));
            return entry;
          });
    } catch (DuplicateKeyException concurrentRegistration) {
      throw repository
          .findActive(account.accountId())
          .map(RegistryProblems::alreadyRegistered)
          .orElseThrow(() -> concurrentRegistration);
    }
  }

  /**
   * Moves the payer account to another reseller: its entry is retired and a new one, since now,
   * takes its place. Moving it to the reseller it belongs to changes nothing.
   */
  PayerAccount move(AppUser admin, String accountId, String resellerId) {
    requireKnownReseller(resellerId);
    return transactions.execute(
        () -> {
          PayerAccount current = lockChangeable(accountId);
          if (current.resellerId().equals(resellerId)) {
            return current;
          }
          OffsetDateTime now = now();
          repository.retire(current.id(), now, admin.userId());
          PayerAccount moved =
              new PayerAccount(
                  UUID.randomUUID(),
                  accountId,
                  resellerId,
                  current.name(),
                  now,
                  RegistrySource.ADMIN,
                  admin.userId(),
                  null,
                  null);
          repository.insert(moved);
          repository.insert(
              change(
                  moved,
                  PayerAccountChange.Kind.MOVED,
                  current.resellerId(),
                  RegistrySource.ADMIN,
                  admin.userId(),
                  now));
          return moved;
        });
  }

  /** Takes the payer account out of the registry; its entries stay on record. */
  void retire(AppUser admin, String accountId) {
    transactions.execute(
        () -> {
          PayerAccount current = lockChangeable(accountId);
          OffsetDateTime now = now();
          repository.retire(current.id(), now, admin.userId());
          repository.insert(
              change(
                  current,
                  PayerAccountChange.Kind.RETIRED,
                  null,
                  RegistrySource.ADMIN,
                  admin.userId(),
                  now));
          return null;
        });
  }

  /**
   * Registers every payer account of a CSV file, in one transaction, or none: any invalid line
   * refuses the whole file, naming each invalid line. A line whose payer account is already
   * registered to the same reseller under the same name changes nothing.
   */
  ImportResult importCsv(AppUser admin, byte[] csv) {
    PayerAccountCsv.Parsed parsed = PayerAccountCsv.parse(csv);
    List<PayerAccountCsv.BadRow> bad = new ArrayList<>(parsed.badRows());
    List<PayerAccountCsv.Row> valid = validRows(parsed.rows(), bad);
    try {
      return transactions.execute(
          () -> {
            Map<String, PayerAccount> existing =
                repository.findActive(
                    valid.stream().map(PayerAccountCsv.Row::accountId).distinct().toList());
            List<PayerAccountCsv.Row> toRegister = new ArrayList<>();
            List<PayerAccountCsv.BadRow> conflicts = new ArrayList<>(bad);
            for (PayerAccountCsv.Row row : valid) {
              PayerAccount registered = existing.get(row.accountId());
              if (registered == null) {
                toRegister.add(row);
              } else if (!registered.resellerId().equals(row.resellerId())) {
                conflicts.add(
                    new PayerAccountCsv.BadRow(
                        row.line(),
                        "payer account "
                            + row.accountId()
                            + " is registered to reseller "
                            + registered.resellerId()
                            + "; move it instead"));
              } else if (!registered.name().equals(row.name())) {
                conflicts.add(
                    new PayerAccountCsv.BadRow(
                        row.line(),
                        "payer account "
                            + row.accountId()
                            + " is registered to this reseller as '"
                            + registered.name()
                            + "'"));
              }
            }
            if (!conflicts.isEmpty()) {
              conflicts.sort(Comparator.comparingInt(PayerAccountCsv.BadRow::line));
              throw RegistryProblems.invalidImport(conflicts, parsed.rows().size());
            }
            OffsetDateTime now = now();
            List<PayerAccount> entries = new ArrayList<>();
            List<PayerAccountChange> changes = new ArrayList<>();
            for (PayerAccountCsv.Row row : toRegister) {
              PayerAccount entry =
                  new PayerAccount(
                      UUID.randomUUID(),
                      row.accountId(),
                      row.resellerId(),
                      row.name(),
                      now,
                      RegistrySource.CSV_IMPORT,
                      admin.userId(),
                      null,
                      null);
              entries.add(entry);
              changes.add(
                  change(
                      entry,
                      PayerAccountChange.Kind.REGISTERED,
                      null,
                      RegistrySource.CSV_IMPORT,
                      admin.userId(),
                      now));
            }
            repository.insertAll(entries, changes);
            return new ImportResult(valid.size(), entries.size(), valid.size() - entries.size());
          });
    } catch (DuplicateKeyException concurrentRegistration) {
      throw RegistryProblems.importRaced();
    }
  }

  /**
   * Seeds a demo payer account unless it was ever registered (then an administrator's word stands).
   */
  void seed(NewPayerAccount account) {
    if (repository.everRegistered(account.accountId())) {
      return;
    }
    try {
      register(SYSTEM, account, RegistrySource.SEED);
    } catch (ErrorResponseException refused) {
      // already registered: another node of the cluster seeded it at the same moment
      if (refused.getStatusCode() != HttpStatus.CONFLICT) {
        throw refused;
      }
    }
  }

  /**
   * The rows whose values follow the rules, each payer account once; the others go to {@code bad}.
   */
  private List<PayerAccountCsv.Row> validRows(
      List<PayerAccountCsv.Row> rows, List<PayerAccountCsv.BadRow> bad) {
    Map<String, Boolean> knownResellers = new HashMap<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    List<PayerAccountCsv.Row> valid = new ArrayList<>();
    for (PayerAccountCsv.Row row : rows) {
      List<String> reasons = new ArrayList<>();
      for (ConstraintViolation<NewPayerAccount> violation :
          validator.validate(new NewPayerAccount(row.accountId(), row.resellerId(), row.name()))) {
        reasons.add(violation.getPropertyPath() + " " + violation.getMessage());
      }
      reasons.sort(null);
      if (reasons.stream().noneMatch(reason -> reason.startsWith("resellerId"))
          && !knownResellers.computeIfAbsent(row.resellerId(), resellers::exists)) {
        reasons.add("resellerId " + row.resellerId() + " is not a known reseller");
      }
      Integer earlier = firstLine.putIfAbsent(row.accountId(), row.line());
      if (earlier != null && reasons.stream().noneMatch(reason -> reason.startsWith("accountId"))) {
        reasons.add("payer account " + row.accountId() + " is on line " + earlier + " already");
      }
      if (reasons.isEmpty()) {
        valid.add(row);
      } else {
        bad.add(new PayerAccountCsv.BadRow(row.line(), String.join("; ", reasons)));
      }
    }
    return valid;
  }

  /** The active entry, locked; refused when the payer account has an offboarding in progress. */
  private PayerAccount lockChangeable(String accountId) {
    PayerAccount current =
        repository
            .lockActive(accountId)
            .orElseThrow(() -> RegistryProblems.notRegistered(accountId));
    Optional<UUID> active = activeOffboardings.of(accountId);
    if (active.isPresent()) {
      throw RegistryProblems.activeOffboarding(accountId, active.get());
    }
    return current;
  }

  private void requireKnownReseller(String resellerId) {
    if (!resellers.exists(resellerId)) {
      throw RegistryProblems.unknownReseller(resellerId);
    }
  }

  private static PayerAccountChange change(
      PayerAccount entry,
      PayerAccountChange.Kind kind,
      String previousResellerId,
      RegistrySource source,
      String by,
      OffsetDateTime at) {
    return new PayerAccountChange(
        UUID.randomUUID(),
        entry.accountId(),
        entry.id(),
        kind,
        entry.resellerId(),
        previousResellerId,
        entry.name(),
        source,
        by,
        at);
  }

  /**
   * In UTC and in microseconds, as both databases keep it: what is returned is what is read later.
   */
  private OffsetDateTime now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
