package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of "Remove distributor access": records who attested the removal by hand, with their
 * notes, as evidence beside the automated calls. Runs after {@code taskOutcomeValidator}.
 */
@Component("accessRemovalAttestation")
class AccessRemovalAttestation implements TaskListener {

  private final AccessCleanup cleanup;

  AccessRemovalAttestation(AccessCleanup cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public void notify(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee() != null ? task.getAssignee() : "unauthenticated";
    Object notes = task.getVariable(OffboardingProcess.Variables.NOTES);
    cleanup.attest(ProcessVariables.offboardingId(task.getExecution()), user, notes instanceof String text ? text : null);
  }
}
