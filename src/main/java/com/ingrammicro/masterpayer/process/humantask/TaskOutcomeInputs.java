package com.ingrammicro.masterpayer.process.humantask;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.process.humantask.TaskOutcomeRules.Kind;
import com.ingrammicro.masterpayer.system.TaskCompletionCheck;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A task accepts exactly its outcome (docs/journey.md, "Human tasks"): the variables a completion
 * hands in through engine-rest or Tasklist are checked by name and type before the engine sets
 * them, because once set they are process variables that later steps and forms read. The outcome's
 * own rules (a reason when rejecting, and so on) are checked by {@link TaskOutcomeValidator} as the
 * task completes, whatever completes it.
 */
@Component
class TaskOutcomeInputs implements TaskCompletionCheck {

  /** engine-rest's type names (case as Camunda accepts them) that each kind of outcome takes. */
  private static final Map<Kind, Set<String>> TYPES =
      Map.of(
          Kind.BOOLEAN, Set.of("boolean"),
          Kind.TEXT, Set.of("string"),
          Kind.AMOUNT, Set.of("integer", "long", "short", "double"));

  private static final Set<String> FIELDS = Set.of("value", "type", "valueInfo");

  private final TaskService taskService;

  TaskOutcomeInputs(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public Optional<Refusal> check(String taskId, JsonNode variables) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Map<String, Kind> outcome = TaskOutcomeRules.OUTCOMES.get(task.getTaskDefinitionKey());
    if (outcome == null) {
      return Optional.empty(); // not a task of the journey: the engine's rules only
    }
    List<String> problems = problems(outcome, variables);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    InvalidTaskOutcomeException refused = new InvalidTaskOutcomeException(task.getName(), problems);
    return Optional.of(new Refusal(refused.getMessage(), refused.problems()));
  }

  static List<String> problems(Map<String, Kind> outcome, JsonNode variables) {
    List<String> problems = new ArrayList<>();
    if (variables == null || variables.isNull()) {
      return problems;
    }
    if (!variables.isObject()) {
      problems.add("'variables' must be an object of the task's outcome: " + describe(outcome));
      return problems;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      Kind kind = outcome.get(variable.getKey());
      if (kind == null) {
        problems.add(
            "'"
                + variable.getKey()
                + "' is not part of this task's outcome, which is "
                + describe(outcome));
      } else if (!accepts(kind, variable.getValue())) {
        problems.add(
            "'"
                + variable.getKey()
                + "' must be "
                + kind.description
                + ", as a plain value of that type");
      }
    }
    return problems;
  }

  /**
   * A value in engine-rest's form, {@code {"value": ..., "type": ...}}, with no serialized or typed
   * payload.
   */
  private static boolean accepts(Kind kind, JsonNode variable) {
    if (!variable.isObject()) {
      return false;
    }
    for (Iterator<String> names = variable.fieldNames(); names.hasNext(); ) {
      if (!FIELDS.contains(names.next())) {
        return false;
      }
    }
    JsonNode valueInfo = variable.path("valueInfo");
    if (!valueInfo.isMissingNode()
        && !valueInfo.isNull()
        && !(valueInfo.isObject() && valueInfo.isEmpty())) {
      return false;
    }
    JsonNode value = variable.path("value");
    JsonNode type = variable.path("type");
    String typeName =
        type.isMissingNode() || type.isNull() ? null : type.asText().toLowerCase(Locale.ROOT);
    if (value.isMissingNode() || value.isNull()) {
      // no value: only an optional text or amount may be handed in empty
      return kind != Kind.BOOLEAN
          && (typeName == null || typeName.equals("null") || TYPES.get(kind).contains(typeName));
    }
    if (typeName != null && !TYPES.get(kind).contains(typeName)) {
      return false;
    }
    return switch (kind) {
      case BOOLEAN -> value.isBoolean();
      case TEXT -> value.isTextual();
      case AMOUNT -> value.isNumber();
    };
  }

  private static String describe(Map<String, Kind> outcome) {
    return outcome.entrySet().stream()
        .map(entry -> entry.getKey() + " (" + entry.getValue().description + ")")
        .collect(Collectors.joining(", "));
  }
}
