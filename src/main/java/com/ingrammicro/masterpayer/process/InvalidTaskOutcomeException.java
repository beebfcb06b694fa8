package com.ingrammicro.masterpayer.process;

import java.util.List;

/** A task completion that breaks the rules of {@link TaskOutcomeRules}; the task stays open. */
public class InvalidTaskOutcomeException extends RuntimeException {

  private final List<String> problems;

  InvalidTaskOutcomeException(String taskName, List<String> problems) {
    super("'" + taskName + "' cannot be completed: " + String.join("; ", problems) + ".");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
