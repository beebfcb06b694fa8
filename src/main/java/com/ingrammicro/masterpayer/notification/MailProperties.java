package com.ingrammicro.masterpayer.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings ({@code offboarding.mail.*}). The SMTP server itself is Spring Boot's {@code
 * spring.mail.*}; without one, mails go to {@code dropFolder} as .eml files.
 *
 * @param from the sender address, with a display name if wanted
 * @param iaasSales the Ingram IaaS sales team's mailbox
 * @param finance the Ingram finance team's mailbox
 * @param escalation who is told when a task passes its due date (a team lead's or a service desk's
 *     mailbox)
 * @param dropFolder where mails are written when no SMTP server is configured; blank to forbid that
 * @param publicBaseUrl the address where people reach this application, for links in mails
 */
@Validated
@ConfigurationProperties("offboarding.mail")
record MailProperties(
    @NotBlank String from,
    @NotBlank @Email String iaasSales,
    @NotBlank @Email String finance,
    @NotBlank @Email String escalation,
    String dropFolder,
    @NotBlank String publicBaseUrl) {}
