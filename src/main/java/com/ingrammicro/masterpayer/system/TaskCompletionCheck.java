package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Whether the variables a caller hands in with a task completion are that task's outcome and
 * nothing else. The process module, which knows the tasks, implements it; {@link EngineApiGuard}
 * asks it before engine-rest or Tasklist's engine API sees the request.
 */
public interface TaskCompletionCheck {

  /** Why a completion is refused, in the words of the task's rules. */
  record Refusal(String message, List<String> problems) {}

  /**
   * @param variables the request's {@code variables} object in engine-rest's form ({@code
   *     {"approved": {"value": true, "type": "Boolean"}}}), or null when it has none
   * @return empty when the variables are acceptable, or when the task is not one the current engine
   *     user can see (the engine then refuses the call itself)
   */
  Optional<Refusal> check(String taskId, JsonNode variables);
}
