package com.ingrammicro.masterpayer.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of one offboarding: its record, the steps the journey took (for the diagram and
 * the step table) and one timeline of everything that happened, in a stable order (time, then
 * phase, then position within its source: {@link Timeline}), numbered by {@code sequence}.
 */
record Trail(
    AuditedOffboarding offboarding,
    String processInstanceId,
    String processDefinitionId,
    String processState,
    String startedBy,
    List<Step> steps,
    List<Entry> entries) {

  /** One activity instance: a step entered and, unless it still runs, left. */
  record Step(
      String activityId,
      String activityName,
      String activityType,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      Long durationMillis,
      boolean canceled,
      String taskId,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String claimedBy,
      String completedBy,
      Map<String, Object> outcome) {}

  /**
   * One event of the timeline. {@code actor} is a user id, or {@code system} for the engine's own
   * work.
   */
  record Entry(
      int sequence,
      OffsetDateTime at,
      EntryType type,
      String activityId,
      String activityName,
      String actor,
      String summary,
      Map<String, Object> details) {}

  /** What an entry records. */
  enum EntryType {
    /** The payer registry's entry the request was checked against: account, reseller, name. */
    REGISTRY_CHECKED,
    /**
     * A change of the payer account in the payer registry (registered, moved, retired), with the
     * administrator who made it; every change of the payer account, before and after the request.
     */
    REGISTRY_CHANGED,
    /** The reseller's request started the journey. */
    REQUESTED,
    STEP_ENTERED,
    STEP_LEFT,
    TASK_CREATED,
    /** A group or user became a candidate of a task (or stopped being one). */
    TASK_CANDIDATE,
    /** A task was claimed or assigned (or unclaimed). */
    TASK_ASSIGNEE,
    TASK_COMPLETED,
    /** The decision a person took in a task, with its reason. */
    DECISION,
    /** A process variable was created, changed or deleted. */
    VARIABLE,
    /**
     * A summary the access removal left in one of its process variables (the cleanup module's
     * {@code AccessRemovalVariables}), JSON parsed.
     */
    CLEANUP,
    /**
     * A round of the access removal's plan, recorded before any change: every entity, why, every
     * call, and the SHA-256 of the plan's canonical text.
     */
    ACCESS_REMOVAL_PLANNED,
    /**
     * What became of a plan round: approved (by a person, or by the configuration as "engine"),
     * rejected with a reason, or superseded because the account changed.
     */
    ACCESS_REMOVAL_PLAN_DECIDED,
    /** One IAM call that changed (or tried to change) the payer account, with AWS's request id. */
    AWS_CALL,
    /** What verification through AWS found (the latest verification). */
    ACCESS_REMOVAL_VERIFIED,
    /** A person confirmed having removed the access by hand (the latest confirmation). */
    ACCESS_REMOVAL_ATTESTED,
    /** An operation a user performed through the engine (Camunda's user operation log). */
    USER_OPERATION,
    INCIDENT_OPENED,
    INCIDENT_RESOLVED,
    /** An asynchronous step failed; the engine retries it until its retries are exhausted. */
    JOB_FAILED,
    /** An asynchronous step succeeded after earlier failures. */
    JOB_RETRIED,
    MAIL_SENT,
    DOCUMENT_STORED,
    /**
     * The CTA's e-signature envelope: sent, and how it ended with who signed when (the provider's
     * API's evidence).
     */
    ESIGNATURE_ENVELOPE,
    /** The journey ended, with the offboarding's outcome and reason. */
    ENDED
  }
}
