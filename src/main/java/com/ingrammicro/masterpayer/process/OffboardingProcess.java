package com.ingrammicro.masterpayer.process;

import java.util.Map;

/**
 * The contract of {@code bpmn/offboarding.bpmn}: process key, element ids, messages and variable
 * names. Everything in Java that names something in the diagram names it through this class.
 */
public final class OffboardingProcess {

  public static final String KEY = "masterPayerOffboarding";

  private OffboardingProcess() {}

  /** Message names. */
  public static final class Messages {
    public static final String CTA_SIGNED = "CtaSigned";
    public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";

    private Messages() {}
  }

  /** Error codes of the diagram's BPMN errors thrown from Java. */
  public static final class Errors {
    /** The automated removal of access cannot go on; Ingram IaaS sales take over. */
    public static final String ACCESS_CLEANUP_BLOCKED = "ACCESS_CLEANUP_BLOCKED";

    private Errors() {}
  }

  /** User task definition keys (the human-task contract of DESIGN.md). */
  public static final class Tasks {
    public static final String REVIEW_REQUEST = "Task_ReviewRequest";
    public static final String COUNTERSIGN_CTA = "Task_CountersignCta";
    public static final String HAND_OVER_BILLING = "Task_HandOverBilling";
    public static final String CONFIRM_PAYMENT_CLEARANCE = "Task_ConfirmPaymentClearance";
    public static final String REMOVE_ACCESS_MANUALLY = "Task_RemoveAccessManually";

    private Tasks() {}
  }

  /**
   * The deadline of a user task: its key in {@code offboarding.sla.tasks} (the diagram's due date and
   * timers use it) and its two non-interrupting timers, the reminder before the due date and the
   * escalation when it passes.
   */
  record TaskSla(String key, String reminderTimer, String overdueTimer) {}

  /** Every user task's deadline, by task definition key. */
  static final Map<String, TaskSla> TASK_SLAS = Map.of(
      Tasks.REVIEW_REQUEST, new TaskSla("review-request", "BoundaryEvent_ReviewReminder", "BoundaryEvent_ReviewOverdue"),
      Tasks.COUNTERSIGN_CTA, new TaskSla("countersign-cta", "BoundaryEvent_CountersignReminder", "BoundaryEvent_CountersignOverdue"),
      Tasks.HAND_OVER_BILLING, new TaskSla("hand-over-billing", "BoundaryEvent_HandoverReminder", "BoundaryEvent_HandoverOverdue"),
      Tasks.CONFIRM_PAYMENT_CLEARANCE, new TaskSla("confirm-payment-clearance", "BoundaryEvent_PaymentCheckReminder",
          "BoundaryEvent_PaymentCheckOverdue"),
      Tasks.REMOVE_ACCESS_MANUALLY, new TaskSla("remove-access", "BoundaryEvent_AccessRemovalReminder",
          "BoundaryEvent_AccessRemovalOverdue"));

  /** Other element ids that Java refers to. */
  public static final class Elements {
    public static final String AWAIT_SIGNED_CTA = "ReceiveTask_AwaitSignedCta";
    public static final String PAYMENT_GRACE_PERIOD = "TimerEvent_PaymentGracePeriod";
    public static final String SUBPROCESS_AGREE_UNLINKING = "SubProcess_AgreeUnlinking";
    public static final String PLAN_ACCESS_REMOVAL = "ServiceTask_PlanAccessRemoval";
    public static final String REMOVE_DISTRIBUTOR_ACCESS = "ServiceTask_RemoveDistributorAccess";
    public static final String VERIFY_ACCESS_REMOVED = "ServiceTask_VerifyAccessRemoved";
    public static final String RETRY_AUTOMATION_GATEWAY = "Gateway_RetryAutomation";

    private Elements() {}
  }

  /** Process variables: ids, facts the task forms show, and the outcomes of the human tasks. */
  public static final class Variables {
    // set when the journey starts
    public static final String OFFBOARDING_ID = "offboardingId";
    public static final String RESELLER_ID = "resellerId";
    public static final String PAYER_ACCOUNT_ID = "payerAccountId";
    public static final String REQUEST_REASON = "requestReason";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String NEW_PARTY_NAME = "newPartyName";
    public static final String NEW_PARTY_EMAIL = "newPartyEmail";
    public static final String NEW_PARTY_KIND = "newPartyKind";
    public static final String REQUESTED_BY = "requestedBy";
    // the CTA
    public static final String CTA_DOCUMENT_ID = "ctaDocumentId";
    public static final String CTA_SHA256 = "ctaSha256";
    public static final String SIGNED_CTA_DOCUMENT_ID = "signedCtaDocumentId";
    public static final String SIGNED_CTA_SHA256 = "signedCtaSha256";
    public static final String SIGNED_CTA_SIZE_BYTES = "signedCtaSizeBytes";
    public static final String SIGNED_CTA_PAGE_COUNT = "signedCtaPageCount";
    public static final String SIGNED_CTA_SIGNATURE_COUNT = "signedCtaSignatureCount";
    // outcomes of the human tasks
    public static final String APPROVED = "approved";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String CTA_ACCEPTED = "ctaAccepted";
    public static final String CTA_REJECTION_REASON = "ctaRejectionReason";
    public static final String BILLING_HANDED_OVER = "billingHandedOver";
    public static final String TAX_SETTINGS_UPDATED = "taxSettingsUpdated";
    public static final String CONTACTS_UPDATED = "contactsUpdated";
    public static final String PAYMENT_CLEARED = "paymentCleared";
    public static final String OUTSTANDING_AMOUNT = "outstandingAmount";
    public static final String ACCESS_REMOVED = "accessRemoved";
    /** Sales' other answer to a hand-over: the cause is fixed (say, the cleanup role is deployed now), run the automation again. */
    public static final String RETRY_AUTOMATION = "retryAutomation";
    public static final String NOTES = "notes";
    // the automated removal of access: summaries for people (the full evidence is in the cleanup module)
    public static final String CLEANUP_PLAN = "cleanupPlan";
    public static final String CLEANUP_REPORT = "cleanupReport";
    public static final String CLEANUP_FAILURE = "cleanupFailure";
    public static final String CLEANUP_REMAINING = "cleanupRemaining";
    public static final String ACCESS_VERIFICATION = "accessVerification";
    public static final String ACCESS_REMOVAL_DONE = "accessRemovalDone";
    // the reseller's withdrawal
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    // local to send tasks: which notification, and for reminders which task
    public static final String MAIL = "mail";
    public static final String REMINDED_TASK = "remindedTask";

    private Variables() {}
  }
}
