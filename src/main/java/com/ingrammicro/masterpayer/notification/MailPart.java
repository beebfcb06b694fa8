package com.ingrammicro.masterpayer.notification;

import java.util.Locale;

/**
 * A phrase that a mail says one way or another, depending on the journey, as a template of its own
 * ({@code mail/parts/<name>.txt}, one line): the mail templates take it as a value.
 */
enum MailPart {
  /**
   * {{cleanupInstructions}} when the engine removes the access once the reseller deployed the
   * cleanup role.
   */
  CLEANUP_BY_ENGINE,
  /** {{cleanupInstructions}} when Ingram IaaS sales remove the access by hand. */
  CLEANUP_BY_SALES,
  /** {{taskAssignee}} while nobody has claimed the task. */
  TASK_UNASSIGNED,
  /** {{taskDueDate}} of a task without one. */
  TASK_WITHOUT_DUE_DATE,
  /** {{outstandingAmount}} when finance gave none. */
  AMOUNT_UNKNOWN,
  /** {{signatureInstructions}} when the reseller uploads the signed CTA. */
  SIGNATURE_BY_UPLOAD,
  /** {{signatureInstructions}} when an e-signature provider sent the CTA to its signers. */
  SIGNATURE_BY_ESIGNATURE,
  /** {{eSignatureReason}} when the provider gave none. */
  ESIGNATURE_REASON_UNKNOWN;

  String templateName() {
    return "mail/parts/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
  }
}
