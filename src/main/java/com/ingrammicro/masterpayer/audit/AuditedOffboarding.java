package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One offboarding as the audit search, its CSV export and the trail show it: the record without the
 * parties' e-mail addresses and without what is awaited from the reseller. {@code
 * payerRegistryEntryId} is the payer registry's entry its request was checked against.
 */
record AuditedOffboarding(
    UUID id,
    String resellerId,
    String payerAccountId,
    OffboardingStatus status,
    Stage stage,
    String statusReason,
    String reason,
    String requestedBy,
    String newPartyName,
    String newPartyKind,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime endedAt,
    UUID payerRegistryEntryId) {

  static AuditedOffboarding of(Offboarding o) {
    return new AuditedOffboarding(
        o.id(),
        o.resellerId(),
        o.payerAccountId(),
        o.status(),
        o.stage(),
        o.statusReason(),
        o.reason(),
        o.requestedBy(),
        o.newResponsibleParty().name(),
        o.newResponsibleParty().kind().name(),
        o.processInstanceId(),
        o.createdAt(),
        o.updatedAt(),
        o.endedAt(),
        o.payerRegistryEntryId());
  }
}
