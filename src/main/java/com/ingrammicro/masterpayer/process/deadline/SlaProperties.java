package com.ingrammicro.masterpayer.process.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines of the journey ({@code offboarding.sla.*}).
 *
 * @param tasks per human task (key of {@code OffboardingProcess.SLA_TASKS}): when it is due, and
 *     after how long its reminder goes out
 * @param ctaReminderCycle ISO 8601 repeating interval of reminders to sign the CTA, e.g. {@code
 *     R3/P7D}
 * @param ctaExpiry how long the reseller has to return the signed CTA before the offboarding
 *     expires
 * @param paymentRecheckDelay the grace period after which finance checks an outstanding balance
 *     again
 */
@Validated
@ConfigurationProperties("offboarding.sla")
public record SlaProperties(
    @NotEmpty Map<String, @Valid TaskSla> tasks,
    @NotBlank String ctaReminderCycle,
    @NotNull Duration ctaExpiry,
    @NotNull Duration paymentRecheckDelay) {

  public record TaskSla(@NotNull Duration due, @NotNull Duration reminder) {}
}
