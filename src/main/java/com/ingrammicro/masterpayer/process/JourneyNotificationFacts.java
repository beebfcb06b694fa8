package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cta.CtaService;
import com.ingrammicro.masterpayer.cta.ESignature;
import com.ingrammicro.masterpayer.cta.ESignatureQuery;
import com.ingrammicro.masterpayer.notification.Attachment;
import com.ingrammicro.masterpayer.notification.NotificationFacts;
import com.ingrammicro.masterpayer.process.deadline.Sla;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@link NotificationFacts}: the journey's open tasks from Tasklist's store and
 * the diagram, its deadlines from {@link Sla}, and what the CTA and access-removal modules publish.
 */
@Component
class JourneyNotificationFacts implements NotificationFacts {

  private final CtaService ctas;
  private final ESignatureQuery eSignatures;
  private final ESignature eSignature;
  private final AccessRemoval accessRemoval;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final Sla sla;

  JourneyNotificationFacts(
      CtaService ctas,
      ESignatureQuery eSignatures,
      ESignature eSignature,
      AccessRemoval accessRemoval,
      TaskService taskService,
      RepositoryService repositoryService,
      Sla sla) {
    this.ctas = ctas;
    this.eSignatures = eSignatures;
    this.eSignature = eSignature;
    this.accessRemoval = accessRemoval;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.sla = sla;
  }

  @Override
  public Attachment issuedCta(UUID offboardingId) {
    CtaService.DocumentContent cta = ctas.issued(offboardingId);
    return new Attachment(cta.document().fileName(), cta.document().contentType(), cta.content());
  }

  @Override
  public Optional<String> eSignatureProvider(UUID offboardingId) {
    // the provider named only where an envelope went out: the mail then says where to sign
    return eSignatures.envelope(offboardingId).flatMap(envelope -> eSignature.providerName());
  }

  @Override
  public boolean removesAccessAutomatically() {
    return accessRemoval.isEnabled();
  }

  @Override
  public Optional<OpenTask> openTask(UUID offboardingId, String taskDefinitionKey) {
    // the business key is the offboarding's id, and one process instance runs each offboarding
    // (JourneyListener.begin)
    Task task =
        taskService
            .createTaskQuery()
            .processDefinitionKey(OffboardingProcess.KEY)
            .processInstanceBusinessKey(offboardingId.toString())
            .taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    if (task == null) {
      return Optional.empty();
    }
    String group =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(
                link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElse(null);
    // the diagram's name: the task's own carries the payer (TaskNaming), which the mail's subject
    // names already
    String name =
        repositoryService
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(taskDefinitionKey)
            .getAttributeValue("name");
    return Optional.of(
        new OpenTask(
            task.getId(),
            name,
            task.getDueDate() == null ? null : task.getDueDate().toInstant(),
            task.getAssignee(),
            group));
  }

  @Override
  public String paymentGracePeriod() {
    return sla.describePaymentRecheckDelay();
  }
}
