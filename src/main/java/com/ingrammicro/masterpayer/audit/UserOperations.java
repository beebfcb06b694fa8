package com.ingrammicro.masterpayer.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.history.UserOperationLogEntry;

/**
 * The engine's user operation log of one process instance as operations: the log has one row per
 * changed property, an operation is all rows of one operation id. Who completed a task is read
 * here, and which operation's variables are the task's outcome.
 */
final class UserOperations {

  private final List<List<UserOperationLogEntry>> operations;
  private final Map<String, String> completedByTask = new HashMap<>();
  private final Map<String, String> completionOperationByTask = new HashMap<>();

  /**
   * @param log the log's rows in the order of their timestamps
   */
  UserOperations(List<UserOperationLogEntry> log) {
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    log.forEach(
        entry ->
            byOperation
                .computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>())
                .add(entry));
    this.operations = List.copyOf(byOperation.values());
    for (List<UserOperationLogEntry> entries : operations) {
      UserOperationLogEntry first = entries.get(0);
      if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(first.getOperationType())
          && first.getTaskId() != null) {
        completedByTask.put(first.getTaskId(), first.getUserId());
        completionOperationByTask.put(first.getTaskId(), first.getOperationId());
      }
    }
  }

  /** Each operation's rows, operations in the order they began. */
  List<List<UserOperationLogEntry>> operations() {
    return operations;
  }

  /** The user who completed the task through the engine's API. */
  Optional<String> completedBy(String taskId) {
    return Optional.ofNullable(completedByTask.get(taskId));
  }

  /** The id of the operation that completed the task. */
  Optional<String> completion(String taskId) {
    return Optional.ofNullable(completionOperationByTask.get(taskId));
  }
}
