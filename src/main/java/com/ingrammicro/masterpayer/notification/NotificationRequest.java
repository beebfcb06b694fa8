package com.ingrammicro.masterpayer.notification;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A notification the journey sends now: which one, about which offboarding, and what only the
 * process knows. Everything else the mail says comes from the offboarding record and {@link
 * NotificationFacts}.
 *
 * @param remindedTask the definition key of the task a reminder or an escalation is about, null for
 *     the other notifications; such a mail goes out only while its task is open
 * @param deliveryKey the same for every attempt to send this mail (the send task's job); {@code
 *     null} for a new Message-ID
 */
public record NotificationRequest(
    Notification notification,
    UUID offboardingId,
    String remindedTask,
    Outcomes outcomes,
    String deliveryKey) {

  /**
   * What the journey's steps decided that the mails quote; each null while not given.
   *
   * @param cleanupFailure why the automated access removal handed over to people
   * @param cleanupRemaining what of the distributor's access remains to remove
   * @param cleanupReport how the removal of the distributor's access was established
   * @param eSignatureReason why the CTA's e-signature envelope was declined or voided, as the
   *     provider says
   */
  public record Outcomes(
      String rejectionReason,
      String ctaRejectionReason,
      String withdrawalReason,
      BigDecimal outstandingAmount,
      String cleanupFailure,
      String cleanupRemaining,
      String cleanupReport,
      String eSignatureReason) {}
}
