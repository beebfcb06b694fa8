package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cleanup.RemovalPlanNotCurrentException;
import com.ingrammicro.masterpayer.process.humantask.InvalidTaskOutcomeException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task "Approve removal plan". When it is created, the answers of an earlier round are cleared.
 * When it is completed (after {@code taskOutcomeValidator} has accepted the answer), the decision
 * is recorded with the cleanup module as the approver's, on the round and SHA-256 the task showed:
 * a round that is no longer current refuses the completion (400, the task stays open). A rejection
 * hands the work to "Remove distributor access manually", with the approver's reason.
 */
@Component("removalPlanApproval")
class RemovalPlanApproval implements TaskListener {

  private final AccessRemoval accessRemoval;

  RemovalPlanApproval(AccessRemoval accessRemoval) {
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      OffboardingProcess.PLAN_APPROVED.on(task.getExecution()).remove();
      OffboardingProcess.PLAN_REJECTION_REASON.on(task.getExecution()).remove();
      return;
    }
    String user =
        EngineAuthentication.currentUserId(task.getProcessEngineServices().getIdentityService())
            .orElse(task.getAssignee() != null ? task.getAssignee() : "unauthenticated");
    Integer round = OffboardingProcess.CLEANUP_PLAN_ROUND.from(task);
    String sha256 = OffboardingProcess.CLEANUP_PLAN_SHA256.from(task);
    if (round == null || sha256 == null) {
      throw new IllegalStateException("The task " + task.getId() + " shows no plan round");
    }
    try {
      if (Boolean.TRUE.equals(OffboardingProcess.PLAN_APPROVED.from(task))) {
        accessRemoval.approve(
            OffboardingProcess.offboardingId(task.getExecution()), round, sha256, user);
        return;
      }
      String reason = OffboardingProcess.PLAN_REJECTION_REASON.from(task);
      accessRemoval.reject(
          OffboardingProcess.offboardingId(task.getExecution()), round, sha256, user, reason);
      OffboardingProcess.CLEANUP_FAILURE
          .on(task.getExecution())
          .set("Removal plan round " + round + " was rejected by " + user + ": " + reason);
      OffboardingProcess.CLEANUP_REMAINING
          .on(task.getExecution())
          .set(OffboardingProcess.CLEANUP_PLAN.from(task));
    } catch (RemovalPlanNotCurrentException notCurrent) {
      throw new InvalidTaskOutcomeException(task.getName(), List.of(notCurrent.getMessage()));
    }
  }
}
