package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task "Remove distributor access manually". When it is created, the answers of an earlier
 * round are cleared, so each round's answer stands alone. When it is completed as "removed by
 * hand", who attested it, with their notes, is recorded as evidence beside the automated calls
 * (after {@code taskOutcomeValidator} has accepted the answer).
 */
@Component("accessRemovalAttestation")
class AccessRemovalAttestation implements TaskListener {

  private final AccessRemoval accessRemoval;

  AccessRemovalAttestation(AccessRemoval accessRemoval) {
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      OffboardingProcess.ACCESS_REMOVED.on(task.getExecution()).remove();
      OffboardingProcess.RETRY_AUTOMATION.on(task.getExecution()).remove();
      return;
    }
    if (!Boolean.TRUE.equals(OffboardingProcess.ACCESS_REMOVED.from(task))) {
      return; // the automation runs again instead: nothing attested
    }
    String user =
        EngineAuthentication.currentUserId(task.getProcessEngineServices().getIdentityService())
            .orElse(task.getAssignee() != null ? task.getAssignee() : "unauthenticated");
    accessRemoval.attest(
        OffboardingProcess.offboardingId(task.getExecution()),
        user,
        OffboardingProcess.NOTES.from(task));
  }
}
