package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One offboarding as the audit search, its CSV export and the trail show it. */
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
    OffsetDateTime endedAt) {}
