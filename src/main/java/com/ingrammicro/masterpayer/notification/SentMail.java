package com.ingrammicro.masterpayer.notification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A mail the journey sent, as recorded when it was sent. */
public record SentMail(
    UUID id,
    Notification notification,
    String recipients,
    String subject,
    String messageId,
    OffsetDateTime sentAt) {}
