package com.ingrammicro.masterpayer.process.deadline;

import com.ingrammicro.masterpayer.process.OffboardingProcess;
import com.ingrammicro.masterpayer.process.humantask.InvalidTaskOutcomeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps a task's reminder and escalation timers on its due date. The diagram schedules both from
 * the configured SLA when the task is created; when someone moves the due date in Tasklist, the
 * escalation moves to the new due date and the reminder keeps its lead before it, so the Overdue
 * filter, the reminder and the escalation mail never disagree. A due date cannot be removed: every
 * offboarding task has one.
 */
@Component("slaTimers")
public class SlaTimers implements TaskListener {

  private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);

  /** Timer and due date are computed a few milliseconds apart at creation; that is not a change. */
  private static final Duration TOLERANCE = Duration.ofSeconds(1);

  private final Sla sla;

  public SlaTimers(Sla sla) {
    this.sla = sla;
  }

  @Override
  public void notify(DelegateTask task) {
    OffboardingProcess.TaskSla taskSla =
        OffboardingProcess.TASK_SLAS.get(task.getTaskDefinitionKey());
    if (taskSla == null) {
      return;
    }
    if (task.getDueDate() == null) {
      throw InvalidTaskOutcomeException.dueDateRemoved(task.getName());
    }
    Instant due = task.getDueDate().toInstant();
    ManagementService jobs = task.getProcessEngineServices().getManagementService();
    move(jobs, task, taskSla.overdueTimer(), due);
    move(jobs, task, taskSla.reminderTimer(), due.minus(sla.reminderLead(taskSla.key())));
  }

  private static void move(
      ManagementService jobs, DelegateTask task, String timerId, Instant when) {
    // A timer that has fired is gone: the reminder or escalation went out for the old date and
    // stays on record.
    List<Job> timers =
        jobs.createJobQuery()
            .processInstanceId(task.getProcessInstanceId())
            .executionId(task.getExecutionId())
            .activityId(timerId)
            .timers()
            .list();
    for (Job timer : timers) {
      if (Duration.between(timer.getDuedate().toInstant(), when).abs().compareTo(TOLERANCE) > 0) {
        jobs.setJobDuedate(timer.getId(), Date.from(when));
        log.info("{} of task {} moved to {}: its due date changed", timerId, task.getId(), when);
      }
    }
  }
}
