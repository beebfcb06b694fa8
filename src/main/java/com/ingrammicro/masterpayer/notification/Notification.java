package com.ingrammicro.masterpayer.notification;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every mail the journey sends. The template is {@code mail/<name>.txt} on the classpath; its first
 * line is the subject. The BPMN names the notification of each send task.
 */
public enum Notification {
  REQUEST_RECEIVED(false, Audience.IAAS_SALES),
  TASK_REMINDER(false, Audience.TASK_GROUP),
  TASK_OVERDUE(false, Audience.ESCALATION, Audience.TASK_GROUP),
  CTA_FOR_SIGNATURE(true, Audience.RESELLER),
  CTA_SIGNATURE_REMINDER(true, Audience.RESELLER),
  CTA_RESIGNATURE_REQUESTED(true, Audience.RESELLER),
  /** A signer declined the CTA's e-signature envelope; the reseller may still upload it signed. */
  ESIGNATURE_DECLINED(false, Audience.RESELLER, Audience.IAAS_SALES),
  /** The CTA's e-signature envelope was voided; the reseller may still upload it signed. */
  ESIGNATURE_VOIDED(false, Audience.RESELLER, Audience.IAAS_SALES),
  PAYMENT_CHECK_REQUESTED(false, Audience.FINANCE),
  PAYMENT_OUTSTANDING(false, Audience.RESELLER, Audience.FINANCE),
  REQUEST_REJECTED(false, Audience.RESELLER),
  CTA_EXPIRED(false, Audience.RESELLER, Audience.IAAS_SALES),
  WITHDRAWAL_CONFIRMED(false, Audience.RESELLER, Audience.IAAS_SALES, Audience.FINANCE),
  ACCESS_REMOVAL_NEEDED(false, Audience.IAAS_SALES),
  OFFBOARDING_COMPLETED(
      false, Audience.RESELLER, Audience.NEW_PARTY, Audience.IAAS_SALES, Audience.FINANCE);

  private final boolean attachesCta;
  private final Set<Audience> audiences;

  Notification(boolean attachesCta, Audience first, Audience... others) {
    this.attachesCta = attachesCta;
    this.audiences = EnumSet.of(first, others);
  }

  /** Whether the mail carries the issued CTA as an attachment. */
  boolean attachesCta() {
    return attachesCta;
  }

  Set<Audience> audiences() {
    return audiences;
  }

  String templateName() {
    return "mail/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
  }
}
