package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.registry.PayerAccount;
import com.ingrammicro.masterpayer.registry.PayerAccountChange;
import com.ingrammicro.masterpayer.registry.PayerRegistryQuery;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The payer registry as it concerns the offboarding: the entry its request was checked against (at
 * the moment of the request), and every change of its payer account in the registry, with the
 * administrator who made it, before and after the request.
 */
@Component
class PayerRegistrySource implements TrailSource {

  private final PayerRegistryQuery registry;

  PayerRegistrySource(PayerRegistryQuery registry) {
    this.registry = registry;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    AuditedOffboarding offboarding = subject.offboarding();
    for (PayerAccountChange change : registry.changesOf(offboarding.payerAccountId())) {
      timeline.add(
          millis(change.changedAt()),
          Phase.REGISTRY,
          EntryType.REGISTRY_CHANGED,
          null,
          null,
          change.changedBy(),
          summary(change),
          details(
              "change",
              change.kind(),
              "accountId",
              change.accountId(),
              "resellerId",
              change.resellerId(),
              "previousResellerId",
              change.previousResellerId(),
              "name",
              change.name(),
              "source",
              change.source().value(),
              "entryId",
              change.entryId()));
    }
    if (offboarding.payerRegistryEntryId() == null) {
      return;
    }
    registry
        .entry(offboarding.payerRegistryEntryId())
        .ifPresent(
            entry ->
                timeline.add(
                    millis(offboarding.createdAt()),
                    Phase.REGISTRY,
                    EntryType.REGISTRY_CHECKED,
                    null,
                    null,
                    null,
                    "Checked against the payer registry: payer account "
                        + entry.accountId()
                        + " registered to reseller "
                        + entry.resellerId()
                        + " as '"
                        + entry.name()
                        + "' since "
                        + entry.since()
                        + " ("
                        + entry.source().value()
                        + ")",
                    checked(entry)));
  }

  /**
   * In milliseconds, as the engine's history keeps time: the check, made just before the journey
   * started, is then never after the journey's start, and a registration and the check in one
   * millisecond stay in that order.
   */
  private static OffsetDateTime millis(OffsetDateTime at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Map<String, Object> checked(PayerAccount entry) {
    return details(
        "entryId",
        entry.id(),
        "accountId",
        entry.accountId(),
        "resellerId",
        entry.resellerId(),
        "name",
        entry.name(),
        "since",
        entry.since(),
        "source",
        entry.source().value(),
        "createdBy",
        entry.createdBy());
  }

  private static String summary(PayerAccountChange change) {
    return switch (change.kind()) {
      case REGISTERED ->
          "Payer account "
              + change.accountId()
              + " registered to reseller "
              + change.resellerId()
              + " as '"
              + change.name()
              + "' ("
              + change.source().value()
              + ") by "
              + change.changedBy();
      case MOVED ->
          "Payer account "
              + change.accountId()
              + " moved from reseller "
              + change.previousResellerId()
              + " to reseller "
              + change.resellerId()
              + " by "
              + change.changedBy();
      case RETIRED ->
          "Payer account "
              + change.accountId()
              + " of reseller "
              + change.resellerId()
              + " retired from the payer registry by "
              + change.changedBy();
    };
  }
}
