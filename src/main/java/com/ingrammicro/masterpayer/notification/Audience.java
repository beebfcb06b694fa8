package com.ingrammicro.masterpayer.notification;

/** Who receives a notification. */
enum Audience {
  /** The reseller's contact address given in the request. */
  RESELLER,
  /** The new responsible party (the assignee). */
  NEW_PARTY,
  /** The Ingram IaaS sales mailbox. */
  IAAS_SALES,
  /** The Ingram finance mailbox. */
  FINANCE,
  /** The mailbox of the group that works the task being reminded of. */
  TASK_GROUP,
  /** Whoever must hear of a missed deadline ({@code offboarding.mail.escalation}). */
  ESCALATION
}
