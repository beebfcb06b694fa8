package com.ingrammicro.masterpayer.notification;

import jakarta.mail.internet.MimeMessage;

/** Delivers a finished message. A failure throws, so the job that sends it is retried. */
interface MailTransport {

  /** Delivers the message; returns where it went, for the log. */
  String deliver(MimeMessage message);
}
