package com.ingrammicro.masterpayer.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.audit.Trail.Entry;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.audit.Trail.Step;
import com.ingrammicro.masterpayer.cleanup.AwsCall;
import com.ingrammicro.masterpayer.cleanup.CleanupEvidence;
import com.ingrammicro.masterpayer.cleanup.CleanupEvidenceQuery;
import com.ingrammicro.masterpayer.cleanup.CleanupPlan;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.cta.DocumentQuery;
import com.ingrammicro.masterpayer.notification.SentMail;
import com.ingrammicro.masterpayer.notification.SentMailQuery;
import com.ingrammicro.masterpayer.offboarding.OffboardingSearch;
import com.ingrammicro.masterpayer.process.OffboardingProcess;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Builds an offboarding's {@link Trail} from Camunda's history (activity and task instances,
 * identity links, variable updates, user operations, incidents, job logs) and the application's
 * records (mails, documents, the access removal's plan, IAM calls and verification). Every variable
 * change is in the trail whatever its name.
 */
@Component
class TrailBuilder {

  /** Variables whose names start with this are the automated access removal's evidence (plan, report). */
  static final String CLEANUP_VARIABLE_PREFIX = "cleanup";

  private static final String USER_TASK = "userTask";
  /** The delete reason of a task instance that was completed, not cancelled. */
  private static final String COMPLETED = "completed";

  /**
   * The order of sources among entries with the same timestamp (history keeps milliseconds, and one
   * transaction often records several things in one millisecond): what caused a step first, then
   * the step, then what it produced.
   */
  private enum Source { REQUEST, OPERATION, STEP, TASK, VARIABLE, DOCUMENT, ACCESS_REMOVAL, MAIL, JOB, END }

  private final HistoryService history;
  private final OffboardingSearch offboardings;
  private final DocumentQuery documents;
  private final SentMailQuery mails;
  private final CleanupEvidenceQuery accessRemoval;
  private final ObjectMapper json;

  TrailBuilder(HistoryService history, OffboardingSearch offboardings, DocumentQuery documents, SentMailQuery mails,
      CleanupEvidenceQuery accessRemoval, ObjectMapper json) {
    this.history = history;
    this.offboardings = offboardings;
    this.documents = documents;
    this.mails = mails;
    this.accessRemoval = accessRemoval;
    this.json = json;
  }

  Optional<Trail> build(UUID offboardingId) {
    return offboardings.find(offboardingId).map(AuditedOffboarding::of).map(offboarding -> build(offboarding, true));
  }

  /**
   * The trail's steps without its timeline, as the diagram needs them: the variable history, job
   * log, incidents and the application's records are not read.
   */
  Optional<Trail> buildSteps(UUID offboardingId) {
    return offboardings.find(offboardingId).map(AuditedOffboarding::of).map(offboarding -> build(offboarding, false));
  }

  private Trail build(AuditedOffboarding offboarding, boolean withTimeline) {
    Timeline timeline = new Timeline();
    String pid = offboarding.processInstanceId();
    HistoricProcessInstance instance = pid == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
    List<Step> steps = List.of();
    if (instance != null) {
      timeline.add(at(instance.getStartTime()), Source.REQUEST, 0, new Entry(0, null, EntryType.REQUESTED, null, null,
          instance.getStartUserId(), "Offboarding of payer account " + offboarding.payerAccountId()
              + " requested for reseller " + offboarding.resellerId(),
          details("payerAccountId", offboarding.payerAccountId(), "resellerId", offboarding.resellerId(),
              "reason", offboarding.reason(), "newResponsibleParty", offboarding.newPartyName(),
              "newPartyKind", offboarding.newPartyKind())));
      Operations operations = operations(pid, timeline);
      Map<String, List<HistoricVariableUpdate>> variablesByTask = withTimeline ? variables(pid, timeline) : Map.of();
      steps = steps(pid, operations, variablesByTask, timeline);
      if (withTimeline) {
        incidents(pid, timeline);
        jobs(pid, timeline);
      }
      if (instance.getEndTime() != null) {
        timeline.add(at(instance.getEndTime()), Source.END, 0, new Entry(0, null, EntryType.ENDED, null, null, null,
            "Ended " + offboarding.status() + (offboarding.statusReason() == null ? "" : ": " + offboarding.statusReason()),
            details("status", offboarding.status(), "reason", offboarding.statusReason(),
                "processState", instance.getState())));
      }
    }
    if (withTimeline) {
      documents(offboarding.id(), timeline);
      accessRemoval(offboarding.id(), timeline);
      mails(offboarding.id(), timeline);
    }
    return new Trail(offboarding, pid, instance == null ? null : instance.getProcessDefinitionId(),
        instance == null ? "NO_HISTORY" : instance.getState(), instance == null ? null : instance.getStartUserId(),
        steps, withTimeline ? timeline.ordered() : List.of());
  }

  // --- steps and tasks ---------------------------------------------------------------------------

  private List<Step> steps(String pid, Operations operations, Map<String, List<HistoricVariableUpdate>> variablesByTask,
      Timeline timeline) {
    Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(pid).list()
        .stream().collect(Collectors.toMap(HistoricTaskInstance::getId, task -> task));
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(pid)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
    List<Step> steps = new ArrayList<>();
    int index = 0;
    for (HistoricActivityInstance activity : activities) {
      index++;
      String id = activity.getActivityId();
      String name = activity.getActivityName();
      HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
      TaskActors actors = task == null ? TaskActors.NONE : taskActors(task, operations, timeline, index, id, name);
      Map<String, Object> outcome = task == null ? Map.of() : outcome(task, operations, variablesByTask);
      boolean userTask = USER_TASK.equals(activity.getActivityType());
      timeline.add(at(activity.getStartTime()), Source.STEP, index * 2, new Entry(0, null, EntryType.STEP_ENTERED, id,
          name, null, "Entered " + describe(activity), details("activityType", activity.getActivityType())));
      if (activity.getEndTime() != null) {
        String how = activity.isCanceled() ? "Cancelled " : "Left ";
        timeline.add(at(activity.getEndTime()), Source.STEP, index * 2 + 1, new Entry(0, null, EntryType.STEP_LEFT, id,
            name, userTask ? actors.completedBy() : null, how + describe(activity),
            details("activityType", activity.getActivityType(), "durationMillis", activity.getDurationInMillis(),
                "canceled", activity.isCanceled())));
      }
      if (task != null && task.getEndTime() != null && COMPLETED.equals(task.getDeleteReason())) {
        timeline.add(at(task.getEndTime()), Source.TASK, index * 100 + 90, new Entry(0, null, EntryType.TASK_COMPLETED,
            id, name, actors.completedBy(), (actors.completedBy() == null ? "" : actors.completedBy() + " ")
                + "completed '" + task.getName() + "'",
            details("taskId", task.getId(), "outcome", outcome)));
        if (!outcome.isEmpty()) {
          timeline.add(at(task.getEndTime()), Source.TASK, index * 100 + 91, new Entry(0, null, EntryType.DECISION,
              id, name, actors.completedBy(), decision(task.getName(), outcome), details("outcome", outcome,
                  "reason", reason(outcome))));
        }
      }
      steps.add(new Step(id, name, activity.getActivityType(), at(activity.getStartTime()), at(activity.getEndTime()),
          activity.getDurationInMillis(), activity.isCanceled(), activity.getTaskId(), actors.candidateGroups(),
          actors.candidateUsers(), actors.claimedBy(), actors.completedBy(), outcome.isEmpty() ? null : outcome));
    }
    return steps;
  }

  private record TaskActors(List<String> candidateGroups, List<String> candidateUsers, String claimedBy,
      String completedBy) {
    static final TaskActors NONE = new TaskActors(null, null, null, null);
  }

  /** Who could, did claim and did complete a task; each identity-link change becomes an entry. */
  private TaskActors taskActors(HistoricTaskInstance task, Operations operations, Timeline timeline, int index,
      String activityId, String activityName) {
    List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(task.getId())
        .orderByTime().asc().list();
    List<String> groups = new ArrayList<>();
    List<String> users = new ArrayList<>();
    String claimedBy = null;
    timeline.add(at(task.getStartTime()), Source.TASK, index * 100, new Entry(0, null, EntryType.TASK_CREATED,
        activityId, activityName, null, "Task '" + task.getName() + "' created",
        details("taskId", task.getId(), "dueDate", at(task.getDueDate()))));
    int position = 1;
    for (HistoricIdentityLinkLog link : links) {
      boolean added = "add".equalsIgnoreCase(link.getOperationType());
      String who = link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId();
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        if (added) {
          (link.getGroupId() != null ? groups : users).add(link.getGroupId() != null ? link.getGroupId() : link.getUserId());
        }
        timeline.add(at(link.getTime()), Source.TASK, index * 100 + position++, new Entry(0, null,
            EntryType.TASK_CANDIDATE, activityId, activityName, link.getAssignerId(),
            (added ? "Candidate " : "No longer candidate: ") + who, details("taskId", task.getId(),
                "groupId", link.getGroupId(), "userId", link.getUserId(), "operation", link.getOperationType())));
      } else if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
        if (added) {
          claimedBy = link.getUserId();
        }
        String actor = link.getAssignerId() != null ? link.getAssignerId() : link.getUserId();
        timeline.add(at(link.getTime()), Source.TASK, index * 100 + position++, new Entry(0, null,
            EntryType.TASK_ASSIGNEE, activityId, activityName, actor,
            added ? (link.getUserId().equals(actor) ? link.getUserId() + " claimed '" + task.getName() + "'"
                : actor + " assigned '" + task.getName() + "' to " + link.getUserId())
                : link.getUserId() + " no longer assigned to '" + task.getName() + "'",
            details("taskId", task.getId(), "userId", link.getUserId(), "operation", link.getOperationType())));
      }
    }
    String completedBy = operations.completedBy(task.getId())
        .orElse(COMPLETED.equals(task.getDeleteReason()) ? task.getAssignee() : null);
    return new TaskActors(groups, users, claimedBy, completedBy);
  }

  /** The variables the task's completion set: its outcome. */
  private static Map<String, Object> outcome(HistoricTaskInstance task, Operations operations,
      Map<String, List<HistoricVariableUpdate>> variablesByTask) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    variablesByTask.getOrDefault(task.getId(), List.of()).forEach(update -> outcome.put(update.getVariableName(), value(update)));
    operations.completion(task.getId()).ifPresent(operationId -> variablesByTask.getOrDefault(operationId, List.of())
        .forEach(update -> outcome.putIfAbsent(update.getVariableName(), value(update))));
    return outcome;
  }

  private static String decision(String taskName, Map<String, Object> outcome) {
    return taskName + ": " + outcome.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The reason that goes with a decision: a variable named {@code *Reason}, or notes. */
  private static Object reason(Map<String, Object> outcome) {
    return outcome.entrySet().stream()
        .filter(e -> e.getKey().endsWith("Reason") || e.getKey().equals("notes"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  private static String describe(HistoricActivityInstance activity) {
    return activity.getActivityName() != null ? "'" + activity.getActivityName() + "'" : activity.getActivityId();
  }

  // --- user operations ---------------------------------------------------------------------------

  /** The user operation log, one operation (of possibly several property entries) per entry. */
  private static final class Operations {
    private final Map<String, String> completedByTask = new HashMap<>();
    private final Map<String, String> completionOperationByTask = new HashMap<>();

    Optional<String> completedBy(String taskId) {
      return Optional.ofNullable(completedByTask.get(taskId));
    }

    Optional<String> completion(String taskId) {
      return Optional.ofNullable(completionOperationByTask.get(taskId));
    }
  }

  private Operations operations(String pid, Timeline timeline) {
    Operations operations = new Operations();
    List<UserOperationLogEntry> log = history.createUserOperationLogQuery().processInstanceId(pid)
        .orderByTimestamp().asc().list();
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    log.forEach(entry -> byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry));
    int position = 0;
    for (List<UserOperationLogEntry> entries : byOperation.values()) {
      UserOperationLogEntry first = entries.get(0);
      Map<String, Object> properties = new LinkedHashMap<>();
      entries.stream().filter(entry -> entry.getProperty() != null)
          .forEach(entry -> properties.put(entry.getProperty(), entry.getNewValue()));
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType()) && first.getTaskId() != null) {
        operations.completedByTask.put(first.getTaskId(), first.getUserId());
        operations.completionOperationByTask.put(first.getTaskId(), first.getOperationId());
      }
      timeline.add(at(first.getTimestamp()), Source.OPERATION, position++, new Entry(0, null, EntryType.USER_OPERATION,
          null, null, first.getUserId(), first.getUserId() + ": " + first.getOperationType() + " " + first.getEntityType(),
          details("operationId", first.getOperationId(), "operationType", first.getOperationType(),
              "entityType", first.getEntityType(), "category", first.getCategory(), "taskId", first.getTaskId(),
              "properties", properties, "annotation", first.getAnnotation())));
    }
    return operations;
  }

  // --- variables ---------------------------------------------------------------------------------

  /** Adds every variable change to the timeline; returns them by task id and by user operation id. */
  private Map<String, List<HistoricVariableUpdate>> variables(String pid, Timeline timeline) {
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(pid).variableUpdates()
        .disableCustomObjectDeserialization().disableBinaryFetching()
        .orderByTime().asc().orderPartiallyByOccurrence().asc().list();
    Map<String, List<HistoricVariableUpdate>> byTaskOrOperation = new HashMap<>();
    int position = 0;
    for (HistoricDetail detail : details) {
      if (!(detail instanceof HistoricVariableUpdate update)) {
        continue;
      }
      if (update.getTaskId() != null) {
        byTaskOrOperation.computeIfAbsent(update.getTaskId(), id -> new ArrayList<>()).add(update);
      } else if (update.getUserOperationId() != null) {
        byTaskOrOperation.computeIfAbsent(update.getUserOperationId(), id -> new ArrayList<>()).add(update);
      }
      Object value = value(update);
      boolean cleanup = update.getVariableName().startsWith(CLEANUP_VARIABLE_PREFIX);
      Map<String, Object> entryDetails = details("name", update.getVariableName(), "type", update.getTypeName(),
          "revision", update.getRevision(), "taskId", update.getTaskId(), "userOperationId", update.getUserOperationId());
      entryDetails.put("value", cleanup ? parsedIfJson(value) : value);
      timeline.add(at(update.getTime()), Source.VARIABLE, position++, new Entry(0, null,
          cleanup ? EntryType.CLEANUP : EntryType.VARIABLE, null, null, null,
          (cleanup ? "Access removal evidence " : "Variable ") + update.getVariableName()
              + (update.getRevision() == 0 ? " set" : " changed (revision " + update.getRevision() + ")"),
          entryDetails));
    }
    return byTaskOrOperation;
  }

  private static Object value(HistoricVariableUpdate update) {
    if (update.getErrorMessage() != null) {
      return "<unreadable: " + update.getErrorMessage() + ">";
    }
    TypedValue typed = update.getTypedValue();
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object value = typed == null ? null : typed.getValue();
    if (value instanceof Date date) {
      return at(date);
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }

  private Object parsedIfJson(Object value) {
    if (value instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
      try {
        return json.readTree(text);
      } catch (JsonProcessingException notJson) {
        return text;
      }
    }
    return value;
  }

  // --- incidents and retries ---------------------------------------------------------------------

  private void incidents(String pid, Timeline timeline) {
    int position = 0;
    for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(pid)
        .orderByCreateTime().asc().list()) {
      Map<String, Object> incidentDetails = details("incidentId", incident.getId(), "incidentType",
          incident.getIncidentType(), "message", incident.getIncidentMessage());
      timeline.add(at(incident.getCreateTime()), Source.JOB, position++, new Entry(0, null, EntryType.INCIDENT_OPENED,
          incident.getActivityId(), null, null, "Incident: " + incident.getIncidentMessage(), incidentDetails));
      if (incident.getEndTime() != null) {
        timeline.add(at(incident.getEndTime()), Source.JOB, position++, new Entry(0, null,
            EntryType.INCIDENT_RESOLVED, incident.getActivityId(), null, null,
            incident.isResolved() ? "Incident resolved" : "Incident removed with its instance", incidentDetails));
      }
    }
  }

  private void jobs(String pid, Timeline timeline) {
    Map<String, Integer> failures = new HashMap<>();
    int position = 10_000;
    for (HistoricJobLog log : history.createHistoricJobLogQuery().processInstanceId(pid)
        .orderByTimestamp().asc().orderPartiallyByOccurrence().asc().list()) {
      if (log.isFailureLog()) {
        int failed = failures.merge(log.getJobId(), 1, Integer::sum);
        timeline.add(at(log.getTimestamp()), Source.JOB, position++, new Entry(0, null, EntryType.JOB_FAILED,
            log.getActivityId(), null, null, "Attempt " + failed + " failed: " + log.getJobExceptionMessage()
                + " (" + log.getJobRetries() + " retries left)",
            details("jobId", log.getJobId(), "retriesLeft", log.getJobRetries(), "exception", log.getJobExceptionMessage())));
      } else if (log.isSuccessLog() && failures.containsKey(log.getJobId())) {
        timeline.add(at(log.getTimestamp()), Source.JOB, position++, new Entry(0, null, EntryType.JOB_RETRIED,
            log.getActivityId(), null, null, "Succeeded after " + failures.get(log.getJobId()) + " failed attempts",
            details("jobId", log.getJobId())));
      }
    }
  }

  // --- the application's records -----------------------------------------------------------------

  private void documents(UUID offboardingId, Timeline timeline) {
    int position = 0;
    for (Document document : documents.documents(offboardingId)) {
      timeline.add(document.createdAt(), Source.DOCUMENT, position++, new Entry(0, null, EntryType.DOCUMENT_STORED,
          null, null, document.createdBy(), document.kind() + " " + document.fileName() + " stored, SHA-256 "
              + document.sha256(),
          details("documentId", document.id(), "kind", document.kind(), "fileName", document.fileName(),
              "contentType", document.contentType(), "sizeBytes", document.sizeBytes(), "sha256", document.sha256())));
    }
  }

  /** The access removal's own evidence: the plan, every IAM call that changed the account, verification, attestation. */
  private void accessRemoval(UUID offboardingId, Timeline timeline) {
    accessRemoval.evidence(offboardingId).ifPresent(evidence -> {
      int position = 0;
      CleanupPlan plan = evidence.plan();
      if (plan != null) {
        timeline.add(plan.discoveredAt().atOffset(ZoneOffset.UTC), Source.ACCESS_REMOVAL, position++, new Entry(0, null,
            EntryType.ACCESS_REMOVAL_PLANNED, OffboardingProcess.Elements.PLAN_ACCESS_REMOVAL, null, null,
            "Planned the removal of " + plan.roles().size() + " roles and " + plan.policies().size()
                + " customer-managed policies from payer account " + plan.payerAccountId() + " (" + plan.stepCount()
                + " IAM calls), through " + plan.roleArn(),
            details("roleArn", plan.roleArn(), "roles", plan.roles(), "policies", plan.policies(),
                "skipped", plan.skipped())));
      }
      for (AwsCall call : evidence.calls()) {
        timeline.add(call.calledAt().atOffset(ZoneOffset.UTC), Source.ACCESS_REMOVAL, position++, new Entry(0, null,
            EntryType.AWS_CALL, OffboardingProcess.Elements.REMOVE_DISTRIBUTOR_ACCESS, null, null,
            call.action() + " " + call.subject() + " (" + call.entity() + "): " + call.outcome()
                + (call.errorCode() == null ? "" : " " + call.errorCode())
                + (call.requestId() == null ? "" : ", AWS request " + call.requestId()),
            details("entity", call.entity(), "action", call.action(), "subject", call.subject(),
                "outcome", call.outcome(), "errorCode", call.errorCode(), "requestId", call.requestId())));
      }
      Verification verification = evidence.verification();
      if (verification != null) {
        timeline.add(verification.checkedAt().atOffset(ZoneOffset.UTC), Source.ACCESS_REMOVAL, position++,
            new Entry(0, null, EntryType.ACCESS_REMOVAL_VERIFIED, OffboardingProcess.Elements.VERIFY_ACCESS_REMOVED,
                null, null, switch (verification.result()) {
                  case VERIFIED -> "Verified through AWS: nothing of the distributor remains";
                  case REMAINING -> "Verification found still in the account: " + String.join(", ", verification.remaining());
                  case UNVERIFIABLE -> "Could not verify through AWS: " + verification.reason();
                },
                details("result", verification.result(), "remaining", verification.remaining(),
                    "reason", verification.reason(), "assumeRequestId", verification.assumeRequestId(),
                    "status", evidence.status())));
      }
      CleanupEvidence.Attestation attestation = evidence.attestation();
      if (attestation != null) {
        timeline.add(attestation.at(), Source.ACCESS_REMOVAL, position, new Entry(0, null,
            EntryType.ACCESS_REMOVAL_ATTESTED, OffboardingProcess.Tasks.REMOVE_ACCESS_MANUALLY, null, attestation.by(),
            "Removal by hand attested by " + attestation.by(), details("notes", attestation.notes())));
      }
    });
  }

  private void mails(UUID offboardingId, Timeline timeline) {
    int position = 0;
    for (SentMail mail : mails.sentAbout(offboardingId)) {
      timeline.add(mail.sentAt(), Source.MAIL, position++, new Entry(0, null, EntryType.MAIL_SENT, null, null, null,
          mail.notification() + " to " + mail.recipients(),
          details("notification", mail.notification(), "recipients", mail.recipients(), "subject", mail.subject(),
              "messageId", mail.messageId())));
    }
  }

  // --- ordering ----------------------------------------------------------------------------------

  /** Collects entries and orders them by time, then source, then position within the source. */
  private static final class Timeline {
    private record Keyed(OffsetDateTime at, Source source, int position, Entry entry) {}

    private final List<Keyed> entries = new ArrayList<>();

    void add(OffsetDateTime at, Source source, int position, Entry entry) {
      entries.add(new Keyed(at.withOffsetSameInstant(ZoneOffset.UTC), source, position, entry));
    }

    List<Entry> ordered() {
      List<Keyed> sorted = entries.stream()
          .sorted(Comparator.comparing(Keyed::at).thenComparing(Keyed::source).thenComparingInt(Keyed::position))
          .toList();
      List<Entry> numbered = new ArrayList<>(sorted.size());
      for (int i = 0; i < sorted.size(); i++) {
        Keyed keyed = sorted.get(i);
        Entry e = keyed.entry();
        numbered.add(new Entry(i + 1, keyed.at(), e.type(), e.activityId(), e.activityName(), e.actor(), e.summary(),
            e.details()));
      }
      return numbered;
    }
  }

  private static OffsetDateTime at(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** A map of the non-null pairs, in order. */
  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        details.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return details;
  }
}
