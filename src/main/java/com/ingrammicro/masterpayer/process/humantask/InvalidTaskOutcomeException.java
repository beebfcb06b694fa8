package com.ingrammicro.masterpayer.process.humantask;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion that breaks the rules of {@link TaskOutcomeRules}, or a change a task may not
 * take (removing its due date); the task stays as it was. A {@link BadUserRequestException}, so
 * that Camunda's REST layers (engine-rest and the webapps' engine API) answer it with 400, not 500.
 */
public class InvalidTaskOutcomeException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidTaskOutcomeException(String taskName, List<String> problems) {
    this(problems, "'" + taskName + "' cannot be completed: " + String.join("; ", problems) + ".");
  }

  private InvalidTaskOutcomeException(List<String> problems, String message) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** Someone tried to take a task's due date away: every task of the journey keeps one. */
  public static InvalidTaskOutcomeException dueDateRemoved(String taskName) {
    String problem = "every offboarding task has a due date; set a new one instead of removing it";
    return new InvalidTaskOutcomeException(
        List.of(problem), "'" + taskName + "' keeps its due date: " + problem + ".");
  }

  /** Someone tried to give a task to a user outside its candidate group. */
  static InvalidTaskOutcomeException assignmentRefused(
      String taskName, String assignee, List<String> groups) {
    String problem =
        "a task can be claimed or assigned only to a member of its candidate group ("
            + String.join(", ", groups)
            + "); '"
            + assignee
            + "' is not one";
    return new InvalidTaskOutcomeException(
        List.of(problem), "'" + taskName + "' cannot be assigned: " + problem + ".");
  }

  public List<String> problems() {
    return problems;
  }
}
