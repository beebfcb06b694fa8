package com.ingrammicro.masterpayer.offboarding;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The application's record of one offboarding. The process instance holds the journey; this record
 * holds what the reseller and the API need fast: status, stage, what is awaited from the reseller.
 * {@code payerRegistryEntryId} is the payer registry's entry the request was checked against (null
 * for offboardings requested before the registry existed); entries never change, so it is what was
 * checked.
 */
public record Offboarding(
    UUID id,
    String resellerId,
    String payerAccountId,
    OffboardingStatus status,
    Stage stage,
    String reason,
    String contactEmail,
    NewResponsibleParty newResponsibleParty,
    String requestedBy,
    ResellerAction resellerAction,
    String resellerActionDetail,
    String statusReason,
    String processInstanceId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime endedAt,
    UUID payerRegistryEntryId) {

  static Offboarding requested(
      UUID id,
      String resellerId,
      String requestedBy,
      OffboardingRequest request,
      UUID payerRegistryEntryId,
      OffsetDateTime now) {
    return new Offboarding(
        id,
        resellerId,
        request.payerAccountId(),
        OffboardingStatus.IN_PROGRESS,
        Stage.REVIEW,
        request.reason(),
        request.contactEmail(),
        request.newResponsibleParty(),
        requestedBy,
        null,
        null,
        null,
        null,
        now,
        now,
        null,
        payerRegistryEntryId);
  }

  Offboarding withProcessInstanceId(String processInstanceId) {
    return new Offboarding(
        id,
        resellerId,
        payerAccountId,
        status,
        stage,
        reason,
        contactEmail,
        newResponsibleParty,
        requestedBy,
        resellerAction,
        resellerActionDetail,
        statusReason,
        processInstanceId,
        createdAt,
        updatedAt,
        endedAt,
        payerRegistryEntryId);
  }

  public boolean isActive() {
    return status == OffboardingStatus.IN_PROGRESS;
  }

  /** A reseller may withdraw until the removal of the distributor's access has started. */
  public boolean isWithdrawable() {
    return isActive() && stage != Stage.ACCESS_REMOVAL;
  }

  public int stagesDone() {
    return status == OffboardingStatus.COMPLETED ? Stage.TOTAL : stage.stagesBefore();
  }
}
