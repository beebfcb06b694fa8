package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.process.OffboardingProcess;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to run when a deployed version of the journey keeps its history for less than the stated
 * retention: history cleanup would remove trails that auditors are promised, silently and for good.
 */
@Component
class RetentionCheck {

  private final RepositoryService repositoryService;
  private final AuditProperties properties;

  RetentionCheck(RepositoryService repositoryService, AuditProperties properties) {
    this.repositoryService = repositoryService;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void verify() {
    List<String> tooShort =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(OffboardingProcess.KEY)
            .list()
            .stream()
            .filter(
                definition ->
                    definition.getHistoryTimeToLive() == null
                        || definition.getHistoryTimeToLive() < properties.retentionDays())
            .map(ProcessDefinition::getId)
            .toList();
    if (!tooShort.isEmpty()) {
      throw new IllegalStateException(
          "The audit retention is "
              + properties.retentionDays()
              + " days but these process definitions keep their history for less (historyTimeToLive): "
              + tooShort
              + ". Raise historyTimeToLive (RepositoryService.updateProcessDefinitionHistoryTimeToLive) or "
              + "offboarding.audit.retention-days.");
    }
  }
}
