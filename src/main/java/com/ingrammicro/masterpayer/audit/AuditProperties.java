package com.ingrammicro.masterpayer.audit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The audit's settings ({@code offboarding.audit.*}).
 *
 * @param retentionDays how long after its end an offboarding's trail must stay readable; the
 *     process's {@code historyTimeToLive} must be at least this
 */
@Validated
@ConfigurationProperties("offboarding.audit")
record AuditProperties(@Min(1) int retentionDays) {}
