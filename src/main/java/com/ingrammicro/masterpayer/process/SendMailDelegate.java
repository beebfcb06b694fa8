package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REPORT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.MAIL;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REMINDED_TASK;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.WITHDRAWAL_REASON;

import com.ingrammicro.masterpayer.notification.Notification;
import com.ingrammicro.masterpayer.notification.NotificationRequest;
import com.ingrammicro.masterpayer.notification.Notifier;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Every send task of the diagram: the task's {@code mail} input parameter names the {@link
 * Notification} (and {@code remindedTask} the task a reminder is about); the notification module
 * decides recipients, template and attachments. One delegate serves them all because the send tasks
 * differ only in those parameters; a dozen classes would repeat this one.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

  private final Notifier notifier;
  private final ManagementService jobs;

  SendMailDelegate(Notifier notifier, ManagementService jobs) {
    this.notifier = notifier;
    this.jobs = jobs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.send(
        new NotificationRequest(
            Notification.valueOf(MAIL.fromLocal(execution)),
            OffboardingProcess.offboardingId(execution),
            REMINDED_TASK.fromLocal(execution),
            new NotificationRequest.Outcomes(
                REJECTION_REASON.from(execution),
                CTA_REJECTION_REASON.from(execution),
                WITHDRAWAL_REASON.from(execution),
                OffboardingProcess.outstandingAmount(execution),
                CLEANUP_FAILURE.from(execution),
                CLEANUP_REMAINING.from(execution),
                CLEANUP_REPORT.from(execution),
                ESIGNATURE_REASON.from(execution)),
            deliveryKey(execution)));
  }

  /**
   * The id of this send task's job (every send task is {@code asyncBefore}): the same in every
   * attempt, on whichever node runs it, and a new one each time the task is reached, so each
   * reminder of a cycle is a mail of its own. The job exists until its transaction commits. With
   * its input parameters the send task is a scope, so the job belongs to the execution that entered
   * it.
   */
  private String deliveryKey(DelegateExecution execution) {
    return jobs
        .createJobQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .list()
        .stream()
        .filter(
            job ->
                Objects.equals(job.getExecutionId(), execution.getId())
                    || Objects.equals(job.getExecutionId(), execution.getParentId()))
        .map(Job::getId)
        .findFirst()
        .orElse(null);
  }
}
