package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REPORT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OUTSTANDING_AMOUNT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.WITHDRAWAL_REASON;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import com.ingrammicro.masterpayer.cta.CtaService;
import com.ingrammicro.masterpayer.notification.Attachment;
import com.ingrammicro.masterpayer.notification.Notification;
import com.ingrammicro.masterpayer.notification.Notifier;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourney;
import com.ingrammicro.masterpayer.system.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every send task of the diagram: the task's {@code mail} input parameter names the
 * {@link Notification}, which decides recipients, template and attachments. One delegate serves
 * them all because the send tasks differ only in that name; a dozen classes would repeat this one.
 */
@Component("sendMailDelegate")
class SendMailDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendMailDelegate.class);
  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final OffboardingJourney offboardings;
  private final Notifier notifier;
  private final CtaService ctas;
  private final TaskService taskService;
  private final Sla sla;
  private final AccessCleanup cleanup;

  SendMailDelegate(OffboardingJourney offboardings, Notifier notifier, CtaService ctas, TaskService taskService, Sla sla,
      AccessCleanup cleanup) {
    this.offboardings = offboardings;
    this.notifier = notifier;
    this.ctas = ctas;
    this.taskService = taskService;
    this.sla = sla;
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notification notification = Notification.valueOf(OffboardingProcess.MAIL.fromLocal(execution));
    Offboarding offboarding = offboardings.get(OffboardingProcess.offboardingId(execution));
    Map<String, String> details = new HashMap<>();
    for (ProcessVariable<String> reason : List.of(REJECTION_REASON, CTA_REJECTION_REASON, WITHDRAWAL_REASON,
        CLEANUP_FAILURE, CLEANUP_REMAINING, CLEANUP_REPORT)) {
      String text = reason.from(execution);
      if (text != null) {
        details.put(reason.name(), text);
      }
    }
    BigDecimal amount = OffboardingProcess.outstandingAmount(execution);
    details.put(OUTSTANDING_AMOUNT.name(), amount == null ? "unknown" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
    details.put("gracePeriod", sla.describePaymentRecheckDelay());
    details.put("cleanupInstructions", cleanup.isEnabled()
        ? "please deploy the temporary cleanup role described at " + notifier.apiUrl(offboarding) + "/cleanup-access "
            + "(a CloudFormation template with this offboarding's ExternalId) before billing is handed over; "
            + "the engine then removes IMBillingRole, CloudCheckr's roles and their policies itself."
        : "nothing to deploy; Ingram IaaS sales remove IMBillingRole, CloudCheckr's roles and their policies.");

    String remindedTask = OffboardingProcess.REMINDED_TASK.fromLocal(execution);
    // reminders and escalations are about a task: none when it was completed meanwhile
    if (remindedTask != null) {
      Optional<Map<String, String>> task = openTask(execution, remindedTask);
      if (task.isEmpty()) {
        log.info("No {} for {} of offboarding {}: the task was completed meanwhile", notification, remindedTask, offboarding.id());
        return;
      }
      details.putAll(task.get());
    }
    List<Attachment> attachments = List.of();
    if (notification.attachesCta()) {
      CtaService.DocumentContent cta = ctas.issued(offboarding.id());
      attachments = List.of(new Attachment(cta.document().fileName(), cta.document().contentType(), cta.content()));
    }
    notifier.send(notification, offboarding, details, attachments, currentJobId());
  }

  /** This send task's job: the same in every attempt, on whichever node runs it. */
  private static String currentJobId() {
    CommandContext context = Context.getCommandContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    return job == null ? null : job.getId();
  }

  private Optional<Map<String, String>> openTask(DelegateExecution execution, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      return Optional.empty();
    }
    String group = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst().orElse(Role.IAAS_SALES.groupId());
    return Optional.of(Map.of(
        // the diagram's name: the subject names the payer already, the task's own name repeats it
        "taskName", execution.getBpmnModelInstance().getModelElementById(taskDefinitionKey).getAttributeValue("name"),
        "taskUrl", notifier.tasklistUrl() + "default/#/?task=" + task.getId(),
        "taskDueDate", task.getDueDate() == null ? "without a due date" : DUE.format(task.getDueDate().toInstant().atOffset(ZoneOffset.UTC)),
        "taskAssignee", task.getAssignee() == null ? "nobody yet (any member of " + group + " can claim it)" : task.getAssignee(),
        "taskGroup", group));
  }
}
