package com.ingrammicro.masterpayer.audit;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's history of one offboarding's process instance while one trail is assembled. What
 * several sources share (the user operation log, the variable updates, the steps) is read once, on
 * first use. Without a process instance in the history, every part is empty and nothing is queried.
 */
final class EngineHistory {

  private final HistoryService history;
  private final HistoricProcessInstance instance;
  private UserOperations operations;
  private List<HistoricVariableUpdate> variableUpdates;
  private Map<String, List<HistoricVariableUpdate>> updatesByTaskOrOperation;
  private List<JourneyStep> steps;

  private EngineHistory(HistoryService history, HistoricProcessInstance instance) {
    this.history = history;
    this.instance = instance;
  }

  static EngineHistory of(HistoryService history, String processInstanceId) {
    return new EngineHistory(
        history,
        processInstanceId == null
            ? null
            : history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult());
  }

  /** The process instance, or null when the offboarding has none in the history. */
  HistoricProcessInstance instance() {
    return instance;
  }

  UserOperations operations() {
    if (operations == null) {
      operations =
          new UserOperations(
              instance == null
                  ? List.of()
                  : history
                      .createUserOperationLogQuery()
                      .processInstanceId(instance.getId())
                      .orderByTimestamp()
                      .asc()
                      .list());
    }
    return operations;
  }

  /** Every change of a variable, in the order they happened. */
  List<HistoricVariableUpdate> variableUpdates() {
    if (variableUpdates == null) {
      variableUpdates = new ArrayList<>();
      updatesByTaskOrOperation = new HashMap<>();
      List<HistoricDetail> details =
          instance == null
              ? List.of()
              : history
                  .createHistoricDetailQuery()
                  .processInstanceId(instance.getId())
                  .variableUpdates()
                  .disableCustomObjectDeserialization()
                  .disableBinaryFetching()
                  .orderByTime()
                  .asc()
                  .orderPartiallyByOccurrence()
                  .asc()
                  .list();
      for (HistoricDetail detail : details) {
        if (detail instanceof HistoricVariableUpdate update) {
          variableUpdates.add(update);
          String setBy =
              update.getTaskId() != null ? update.getTaskId() : update.getUserOperationId();
          if (setBy != null) {
            updatesByTaskOrOperation.computeIfAbsent(setBy, id -> new ArrayList<>()).add(update);
          }
        }
      }
    }
    return variableUpdates;
  }

  /**
   * The journey's steps in the order they began, each with its task's actors. Reads the tasks, the
   * activities, each task's identity links and the user operation log; not the variables.
   */
  List<JourneyStep> steps() {
    if (steps == null) {
      steps = new ArrayList<>();
      if (instance != null) {
        Map<String, HistoricTaskInstance> tasks =
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId())
                .list()
                .stream()
                .collect(Collectors.toMap(HistoricTaskInstance::getId, task -> task));
        List<HistoricActivityInstance> activities =
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list();
        for (HistoricActivityInstance activity : activities) {
          HistoricTaskInstance task =
              activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
          steps.add(
              JourneyStep.of(
                  activity,
                  task,
                  task == null
                      ? List.of()
                      : history
                          .createHistoricIdentityLinkLogQuery()
                          .taskId(task.getId())
                          .orderByTime()
                          .asc()
                          .list(),
                  operations()));
        }
      }
    }
    return steps;
  }

  /**
   * The variables a task's completion set: its outcome. Set with the task, or by the operation that
   * completed it when the values came with the completion request.
   */
  Map<String, Object> outcome(HistoricTaskInstance task) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    if (task == null) {
      return outcome;
    }
    variableUpdates();
    updatesByTaskOrOperation
        .getOrDefault(task.getId(), List.of())
        .forEach(update -> outcome.put(update.getVariableName(), value(update)));
    operations()
        .completion(task.getId())
        .ifPresent(
            operationId ->
                updatesByTaskOrOperation
                    .getOrDefault(operationId, List.of())
                    .forEach(
                        update -> outcome.putIfAbsent(update.getVariableName(), value(update))));
    return outcome;
  }

  List<HistoricIncident> incidents() {
    return instance == null
        ? List.of()
        : history
            .createHistoricIncidentQuery()
            .processInstanceId(instance.getId())
            .orderByCreateTime()
            .asc()
            .list();
  }

  List<HistoricJobLog> jobLog() {
    return instance == null
        ? List.of()
        : history
            .createHistoricJobLogQuery()
            .processInstanceId(instance.getId())
            .orderByTimestamp()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
  }

  /**
   * A variable's value as the trail shows it: plain JSON values, dates in UTC, anything else as
   * text.
   */
  static Object value(HistoricVariableUpdate update) {
    if (update.getErrorMessage() != null) {
      return "<unreadable: " + update.getErrorMessage() + ">";
    }
    TypedValue typed = update.getTypedValue();
    if (typed instanceof ObjectValue object && !object.isDeserialized()) {
      return object.getValueSerialized();
    }
    Object value = typed == null ? null : typed.getValue();
    if (value instanceof Date date) {
      return Timeline.utc(date);
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    return String.valueOf(value);
  }
}
