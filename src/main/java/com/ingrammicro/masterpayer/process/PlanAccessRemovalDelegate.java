package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_PLAN;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourney;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Plan access removal": finds the distributor's roles and policies; changes nothing. */
@Component("planAccessRemovalDelegate")
class PlanAccessRemovalDelegate implements JavaDelegate {

  private final OffboardingJourney offboardings;
  private final AccessCleanup cleanup;

  PlanAccessRemovalDelegate(OffboardingJourney offboardings, AccessCleanup cleanup) {
    this.offboardings = offboardings;
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(offboardingId(execution));
    AccessRemovalVariables.handingOverWhenBlocked(execution, () -> CLEANUP_PLAN.on(execution)
        .set(cleanup.plan(offboarding.id(), offboarding.payerAccountId()).summary()));
  }
}
