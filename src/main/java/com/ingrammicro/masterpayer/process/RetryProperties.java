package com.ingrammicro.masterpayer.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How failed jobs are retried before they become incidents ({@code offboarding.retries.*}), as ISO
 * 8601 repeating intervals such as {@code R12/PT5M} (12 retries, 5 minutes apart).
 *
 * @param mail for the send tasks: an SMTP outage delays mail, it does not lose it
 * @param work for the other asynchronous steps
 */
@Validated
@ConfigurationProperties("offboarding.retries")
record RetryProperties(
    @NotBlank @Pattern(regexp = "R\\d+/P.+") String mail,
    @NotBlank @Pattern(regexp = "R\\d+/P.+") String work) {}
