package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourney;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Remove distributor access": carries out the recorded plan in the payer account. */
@Component("removeDistributorAccessDelegate")
class RemoveDistributorAccessDelegate implements JavaDelegate {

  private final OffboardingJourney offboardings;
  private final AccessCleanup cleanup;

  RemoveDistributorAccessDelegate(OffboardingJourney offboardings, AccessCleanup cleanup) {
    this.offboardings = offboardings;
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(OffboardingProcess.offboardingId(execution));
    AccessRemovalVariables.handingOverWhenBlocked(execution,
        () -> cleanup.remove(offboarding.id(), offboarding.payerAccountId()));
  }
}
