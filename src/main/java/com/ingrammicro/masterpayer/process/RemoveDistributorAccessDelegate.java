package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlanOutdatedException;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Remove distributor access": makes the calls of the approved plan in the payer
 * account, and only those. When the account no longer matches the approved plan, the diagram plans
 * again (BPMN error {@code ACCESS_REMOVAL_PLAN_OUTDATED}) and the new plan is approved again.
 */
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
        execution,
        () -> {
          try {
            accessRemoval.remove(offboarding.id(), offboarding.payerAccountId());
          } catch (AccessRemovalPlanOutdatedException outdated) {
            throw new BpmnError(
                OffboardingProcess.Errors.ACCESS_REMOVAL_PLAN_OUTDATED, outdated.getMessage());
          }
        });
  }
}
