package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task "Remove distributor access manually". When it is created, the answers of an earlier round
 * are cleared, so each round's answer stands alone. When it is completed as "removed by hand", who
 * attested it, with their notes, is recorded as evidence beside the automated calls (after
 * {@code taskOutcomeValidator} has accepted the answer).
 */
@Component("accessRemovalAttestation")
class AccessRemovalAttestation implements TaskListener {

  private final AccessCleanup cleanup;

  AccessRemovalAttestation(AccessCleanup cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariable(OffboardingProcess.Variables.ACCESS_REMOVED);
      task.getExecution().removeVariable(OffboardingProcess.Variables.RETRY_AUTOMATION);
      return;
    }
    if (!Boolean.TRUE.equals(ProcessVariables.flag(task, OffboardingProcess.Variables.ACCESS_REMOVED))) {
      return; // the automation runs again instead: nothing attested
    }
    String user = EngineAuthentication.currentUserId(task.getProcessEngineServices().getIdentityService())
        .orElse(task.getAssignee() != null ? task.getAssignee() : "unauthenticated");
    cleanup.attest(ProcessVariables.offboardingId(task.getExecution()), user,
        ProcessVariables.text(task, OffboardingProcess.Variables.NOTES));
  }
}
