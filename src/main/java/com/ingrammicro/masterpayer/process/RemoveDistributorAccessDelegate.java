package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Remove distributor access": carries out the recorded plan in the payer account. */
@Component("removeDistributorAccessDelegate")
class RemoveDistributorAccessDelegate implements JavaDelegate {

  private final JourneyProgress offboardings;
  private final AccessRemoval accessRemoval;

  RemoveDistributorAccessDelegate(JourneyProgress offboardings, AccessRemoval accessRemoval) {
    this.offboardings = offboardings;
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(OffboardingProcess.offboardingId(execution));
    AccessRemovalHandOver.handingOverWhenBlocked(
        execution, () -> accessRemoval.remove(offboarding.id(), offboarding.payerAccountId()));
  }
}
