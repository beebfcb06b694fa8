package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Plan access removal": finds the distributor's roles and policies; changes nothing.
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
        () ->
            CLEANUP_PLAN
                .on(execution)
                .set(accessRemoval.plan(offboarding.id(), offboarding.payerAccountId()).summary()));
  }
}
