package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.offboarding.OffboardingCriteria;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the audit search and its export, bound from query parameters; every one is
 * optional. Ranges include their start and exclude their end ({@code startedFrom <= createdAt <
 * startedTo}), so consecutive ranges never overlap.
 */
record AuditFilter(
    OffboardingStatus status,
    @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be a reseller id") String resellerId,
    @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
        String payerAccountId,
    @Parameter(description = "started at or after (ISO 8601 date-time)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime startedFrom,
    @Parameter(description = "started before (ISO 8601 date-time)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime startedTo,
    @Parameter(description = "ended at or after (ISO 8601 date-time)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime endedFrom,
    @Parameter(description = "ended before (ISO 8601 date-time)")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime endedTo,
    Stage stage) {

  /** The offboarding module's criteria for these filters. */
  OffboardingCriteria criteria() {
    return new OffboardingCriteria(
        status, resellerId, payerAccountId, startedFrom, startedTo, endedFrom, endedTo, stage);
  }

  @AssertTrue(message = "startedFrom must be before startedTo")
  @Parameter(hidden = true)
  boolean isStartedRangeOrdered() {
    return startedFrom == null || startedTo == null || startedFrom.isBefore(startedTo);
  }

  @AssertTrue(message = "endedFrom must be before endedTo")
  @Parameter(hidden = true)
  boolean isEndedRangeOrdered() {
    return endedFrom == null || endedTo == null || endedFrom.isBefore(endedTo);
  }
}
