package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_CALLS;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_HISTORY;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_LEFT_ALONE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_ROUND;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_SHA256;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN_WARNINGS;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PLAN_APPROVAL_REQUIRED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan;
import com.ingrammicro.masterpayer.cleanup.PlannedRemoval;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Plan access removal": finds the distributor's footprint and records it as a new
 * plan round; changes nothing. Leaves the plan as the task "Approve removal plan" shows it, and
 * whether that task is needed.
 */
@Component("planAccessRemovalDelegate")
class PlanAccessRemovalDelegate implements JavaDelegate {

  private final JourneyProgress offboardings;
  private final AccessRemoval accessRemoval;

  PlanAccessRemovalDelegate(JourneyProgress offboardings, AccessRemoval accessRemoval) {
    this.offboardings = offboardings;
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(offboardingId(execution));
    AccessRemovalHandOver.handingOverWhenBlocked(
        execution,
        () -> {
          PlannedRemoval planned =
              accessRemoval.plan(offboarding.id(), offboarding.payerAccountId());
          AccessRemovalPlan plan = planned.plan();
          CLEANUP_PLAN.on(execution).set(plan.summary());
          CLEANUP_PLAN_CALLS.on(execution).set(plan.callsSummary());
          CLEANUP_PLAN_LEFT_ALONE.on(execution).set(plan.leftAloneSummary());
          CLEANUP_PLAN_WARNINGS.on(execution).set(plan.warningsSummary());
          CLEANUP_PLAN_HISTORY.on(execution).set(planned.history());
          CLEANUP_PLAN_ROUND.on(execution).set(planned.round());
          CLEANUP_PLAN_SHA256.on(execution).set(planned.sha256());
          PLAN_APPROVAL_REQUIRED.on(execution).set(planned.approvalRequired());
        });
  }
}
