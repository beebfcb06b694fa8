package com.ingrammicro.masterpayer.process.humantask;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code complete} listener of every user task: refuses a completion that breaks the task's
 * outcome rules. The exception rolls the completion back, so the task stays open.
 */
@Component("taskOutcomeValidator")
public class TaskOutcomeValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = TaskOutcomeRules.check(task.getTaskDefinitionKey(), task::getVariable);
    if (!problems.isEmpty()) {
      throw new InvalidTaskOutcomeException(task.getName(), problems);
    }
  }
}
