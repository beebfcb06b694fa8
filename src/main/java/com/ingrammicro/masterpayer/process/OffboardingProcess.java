package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.ProcessVariable.booleanVariable;
import static com.ingrammicro.masterpayer.process.ProcessVariable.integerVariable;
import static com.ingrammicro.masterpayer.process.ProcessVariable.longVariable;
import static com.ingrammicro.masterpayer.process.ProcessVariable.numberVariable;
import static com.ingrammicro.masterpayer.process.ProcessVariable.stringVariable;

import com.ingrammicro.masterpayer.cleanup.AccessRemovalVariables;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The contract of {@code bpmn/offboarding.bpmn}: process key, element ids, messages, and its
 * variables with their types ({@link ProcessVariable}). Everything in Java that names something in
 * the diagram names it through this class.
 */
public final class OffboardingProcess {

  public static final String KEY = "masterPayerOffboarding";

  private OffboardingProcess() {}

  /** Message names. */
  public static final class Messages {
    public static final String CTA_SIGNED = "CtaSigned";
    public static final String WITHDRAWAL_REQUESTED = "WithdrawalRequested";

    /** The CTA's e-signature envelope ended unsigned: declined by a signer, or voided. */
    public static final String ESIGNATURE_STOPPED = "ESignatureStopped";

    private Messages() {}
  }

  /** Error codes of the diagram's BPMN errors thrown from Java. */
  public static final class Errors {
    /** The automated removal of access cannot go on; Ingram IaaS sales take over. */
    public static final String ACCESS_CLEANUP_BLOCKED = "ACCESS_CLEANUP_BLOCKED";

    /** The payer account changed since the plan was approved; a new plan round is needed. */
    public static final String ACCESS_REMOVAL_PLAN_OUTDATED = "ACCESS_REMOVAL_PLAN_OUTDATED";

    private Errors() {}
  }

  /** User task definition keys (the human-task contract, docs/journey.md "Human tasks"). */
  public static final class Tasks {
    public static final String REVIEW_REQUEST = "Task_ReviewRequest";
    public static final String COUNTERSIGN_CTA = "Task_CountersignCta";
    public static final String HAND_OVER_BILLING = "Task_HandOverBilling";
    public static final String CONFIRM_PAYMENT_CLEARANCE = "Task_ConfirmPaymentClearance";
    public static final String APPROVE_REMOVAL_PLAN = "Task_ApproveRemovalPlan";
    public static final String REMOVE_ACCESS_MANUALLY = "Task_RemoveAccessManually";

    private Tasks() {}
  }

  /**
   * The deadline of a user task: its key in {@code offboarding.sla.tasks} (the diagram's due date
   * and timers use it) and its two non-interrupting timers, the reminder before the due date and
   * the escalation when it passes.
   */
  public record TaskSla(String key, String reminderTimer, String overdueTimer) {}

  /** Every user task's deadline, by task definition key. */
  public static final Map<String, TaskSla> TASK_SLAS =
      Map.of(
          Tasks.APPROVE_REMOVAL_PLAN,
              new TaskSla(
                  "approve-removal-plan",
                  "BoundaryEvent_PlanApprovalReminder",
                  "BoundaryEvent_PlanApprovalOverdue"),
          Tasks.REVIEW_REQUEST,
              new TaskSla(
                  "review-request", "BoundaryEvent_ReviewReminder", "BoundaryEvent_ReviewOverdue"),
          Tasks.COUNTERSIGN_CTA,
              new TaskSla(
                  "countersign-cta",
                  "BoundaryEvent_CountersignReminder",
                  "BoundaryEvent_CountersignOverdue"),
          Tasks.HAND_OVER_BILLING,
              new TaskSla(
                  "hand-over-billing",
                  "BoundaryEvent_HandoverReminder",
                  "BoundaryEvent_HandoverOverdue"),
          Tasks.CONFIRM_PAYMENT_CLEARANCE,
              new TaskSla(
                  "confirm-payment-clearance",
                  "BoundaryEvent_PaymentCheckReminder",
                  "BoundaryEvent_PaymentCheckOverdue"),
          Tasks.REMOVE_ACCESS_MANUALLY,
              new TaskSla(
                  "remove-access",
                  "BoundaryEvent_AccessRemovalReminder",
                  "BoundaryEvent_AccessRemovalOverdue"));

  /** Other element ids that Java refers to. */
  public static final class Elements {
    public static final String AWAIT_SIGNED_CTA = "ReceiveTask_AwaitSignedCta";
    public static final String REQUEST_ESIGNATURE = "ServiceTask_RequestESignature";
    public static final String PAYMENT_GRACE_PERIOD = "TimerEvent_PaymentGracePeriod";
    public static final String SUBPROCESS_AGREE_UNLINKING = "SubProcess_AgreeUnlinking";
    public static final String PLAN_ACCESS_REMOVAL = "ServiceTask_PlanAccessRemoval";
    public static final String PLAN_APPROVAL_REQUIRED_GATEWAY = "Gateway_PlanApprovalRequired";
    public static final String PLAN_APPROVED_GATEWAY = "Gateway_PlanApproved";
    public static final String PLAN_OUTDATED = "BoundaryEvent_PlanOutdated";
    public static final String REMOVE_DISTRIBUTOR_ACCESS = "ServiceTask_RemoveDistributorAccess";
    public static final String VERIFY_ACCESS_REMOVED = "ServiceTask_VerifyAccessRemoved";
    public static final String RETRY_AUTOMATION_GATEWAY = "Gateway_RetryAutomation";

    private Elements() {}
  }

  /**
   * The offboarding a process instance runs: its business key, which only the engine's
   * administrators may change. Not the {@link #OFFBOARDING_ID} variable, which the task forms show
   * and a task completion could overwrite.
   */
  public static UUID offboardingId(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException(
          "Process instance " + execution.getProcessInstanceId() + " has no business key");
    }
    return UUID.fromString(businessKey);
  }

  /**
   * The amount finance found outstanding, exactly as the task gave it (engine-rest hands in a
   * double, a long or an integer); null when it is not set.
   */
  public static BigDecimal outstandingAmount(VariableScope scope) {
    Number amount = OUTSTANDING_AMOUNT.from(scope);
    return amount == null ? null : new BigDecimal(amount.toString());
  }

  // Process variables: ids, facts the task forms show, and the outcomes of the human tasks. The
  // names
  // are the task contract (docs/journey.md, "Human tasks"); the forms and engine-rest callers use
  // them.

  // set when the journey starts; the journey's own steps read the facts from the offboarding record
  public static final ProcessVariable<String> OFFBOARDING_ID = stringVariable("offboardingId");
  public static final ProcessVariable<String> RESELLER_ID = stringVariable("resellerId");
  public static final ProcessVariable<String> PAYER_ACCOUNT_ID = stringVariable("payerAccountId");
  public static final ProcessVariable<String> REQUEST_REASON = stringVariable("requestReason");
  public static final ProcessVariable<String> CONTACT_EMAIL = stringVariable("contactEmail");
  public static final ProcessVariable<String> NEW_PARTY_NAME = stringVariable("newPartyName");
  public static final ProcessVariable<String> NEW_PARTY_EMAIL = stringVariable("newPartyEmail");
  public static final ProcessVariable<String> NEW_PARTY_KIND = stringVariable("newPartyKind");
  public static final ProcessVariable<String> REQUESTED_BY = stringVariable("requestedBy");

  // the payer registry's entry the request was checked against (its account and reseller are
  // PAYER_ACCOUNT_ID and RESELLER_ID), as the review shows it
  public static final ProcessVariable<String> PAYER_ACCOUNT_NAME =
      stringVariable("payerAccountName");
  public static final ProcessVariable<String> PAYER_REGISTERED_SINCE =
      stringVariable("payerRegisteredSince");
  public static final ProcessVariable<String> PAYER_REGISTRY_SOURCE =
      stringVariable("payerRegistrySource");

  // the CTA
  public static final ProcessVariable<String> CTA_DOCUMENT_ID = stringVariable("ctaDocumentId");
  public static final ProcessVariable<String> CTA_SHA256 = stringVariable("ctaSha256");
  public static final ProcessVariable<String> SIGNED_CTA_DOCUMENT_ID =
      stringVariable("signedCtaDocumentId");
  public static final ProcessVariable<String> SIGNED_CTA_SHA256 = stringVariable("signedCtaSha256");
  public static final ProcessVariable<Long> SIGNED_CTA_SIZE_BYTES =
      longVariable("signedCtaSizeBytes");
  public static final ProcessVariable<Integer> SIGNED_CTA_PAGE_COUNT =
      integerVariable("signedCtaPageCount");
  public static final ProcessVariable<Integer> SIGNED_CTA_SIGNATURE_COUNT =
      integerVariable("signedCtaSignatureCount");

  /** The signed copy's signatures in words, for the countersigner (cta/SignatureReportText). */
  public static final ProcessVariable<String> SIGNED_CTA_SIGNATURES =
      stringVariable("signedCtaSignatures");

  /** Whether the signed copy is the issued CTA, in words. */
  public static final ProcessVariable<String> SIGNED_CTA_ISSUED_CTA_VERDICT =
      stringVariable("signedCtaIssuedCtaVerdict");

  public static final ProcessVariable<Boolean> SIGNED_CTA_DERIVED_FROM_ISSUED =
      booleanVariable("signedCtaDerivedFromIssuedCta");

  // the CTA's e-signature (offboarding.esignature.provider): the envelope, and how it ended when it
  // ended unsigned (DECLINED or VOIDED, with the provider's reason)
  public static final ProcessVariable<String> ESIGNATURE_PROVIDER =
      stringVariable("eSignatureProvider");
  public static final ProcessVariable<String> ESIGNATURE_ENVELOPE_ID =
      stringVariable("eSignatureEnvelopeId");
  public static final ProcessVariable<String> ESIGNATURE_OUTCOME =
      stringVariable("eSignatureOutcome");
  public static final ProcessVariable<String> ESIGNATURE_REASON =
      stringVariable("eSignatureReason");

  // outcomes of the human tasks
  public static final ProcessVariable<Boolean> APPROVED = booleanVariable("approved");
  public static final ProcessVariable<String> REJECTION_REASON = stringVariable("rejectionReason");
  public static final ProcessVariable<Boolean> CTA_ACCEPTED = booleanVariable("ctaAccepted");
  public static final ProcessVariable<String> CTA_REJECTION_REASON =
      stringVariable("ctaRejectionReason");
  public static final ProcessVariable<Boolean> BILLING_HANDED_OVER =
      booleanVariable("billingHandedOver");
  public static final ProcessVariable<Boolean> TAX_SETTINGS_UPDATED =
      booleanVariable("taxSettingsUpdated");
  public static final ProcessVariable<Boolean> CONTACTS_UPDATED =
      booleanVariable("contactsUpdated");
  public static final ProcessVariable<Boolean> PAYMENT_CLEARED = booleanVariable("paymentCleared");
  public static final ProcessVariable<Number> OUTSTANDING_AMOUNT =
      numberVariable("outstandingAmount");
  public static final ProcessVariable<Boolean> PLAN_APPROVED = booleanVariable("planApproved");
  public static final ProcessVariable<String> PLAN_REJECTION_REASON =
      stringVariable("planRejectionReason");
  public static final ProcessVariable<Boolean> ACCESS_REMOVED = booleanVariable("accessRemoved");

  /**
   * Sales' other answer to a hand-over: the cause is fixed (say, the cleanup role is deployed now),
   * run the automation again.
   */
  public static final ProcessVariable<Boolean> RETRY_AUTOMATION =
      booleanVariable("retryAutomation");

  public static final ProcessVariable<String> NOTES = stringVariable("notes");

  // the automated removal of access: the cleanup module's summaries for people, under the names it
  // publishes for the audit trail (the full evidence is in its tables)
  public static final ProcessVariable<String> CLEANUP_PLAN =
      stringVariable(AccessRemovalVariables.PLAN);
  public static final ProcessVariable<String> CLEANUP_PLAN_CALLS =
      stringVariable(AccessRemovalVariables.PLAN_CALLS);
  public static final ProcessVariable<String> CLEANUP_PLAN_LEFT_ALONE =
      stringVariable(AccessRemovalVariables.PLAN_LEFT_ALONE);
  public static final ProcessVariable<String> CLEANUP_PLAN_WARNINGS =
      stringVariable(AccessRemovalVariables.PLAN_WARNINGS);
  public static final ProcessVariable<String> CLEANUP_PLAN_HISTORY =
      stringVariable(AccessRemovalVariables.PLAN_HISTORY);
  public static final ProcessVariable<Integer> CLEANUP_PLAN_ROUND =
      integerVariable(AccessRemovalVariables.PLAN_ROUND);
  public static final ProcessVariable<String> CLEANUP_PLAN_SHA256 =
      stringVariable(AccessRemovalVariables.PLAN_SHA256);
  public static final ProcessVariable<String> CLEANUP_REPORT =
      stringVariable(AccessRemovalVariables.REPORT);
  public static final ProcessVariable<String> CLEANUP_FAILURE =
      stringVariable(AccessRemovalVariables.FAILURE);
  public static final ProcessVariable<String> CLEANUP_REMAINING =
      stringVariable(AccessRemovalVariables.REMAINING);

  /** The name of the verification's {@code Result}: VERIFIED, REMAINING or UNVERIFIABLE. */
  public static final ProcessVariable<String> ACCESS_VERIFICATION =
      stringVariable("accessVerification");

  /**
   * Gateway "Approved by a person?": the plan waits for the task "Approve removal plan", or the
   * configuration approved it ({@code offboarding.cleanup.plan-approval}).
   */
  public static final ProcessVariable<Boolean> PLAN_APPROVAL_REQUIRED =
      booleanVariable("planApprovalRequired");

  /** Gateway "Access removed?": the journey may complete. */
  public static final ProcessVariable<Boolean> ACCESS_REMOVAL_DONE =
      booleanVariable("accessRemovalDone");

  // the reseller's withdrawal
  public static final ProcessVariable<String> WITHDRAWAL_REASON =
      stringVariable("withdrawalReason");

  // input parameters of the send tasks: which notification, and for reminders and escalations which
  // task
  public static final ProcessVariable<String> MAIL = stringVariable("mail");
  public static final ProcessVariable<String> REMINDED_TASK = stringVariable("remindedTask");
}
