package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.ACCESS_REMOVAL_DONE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.ACCESS_REMOVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.ACCESS_VERIFICATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables.CLEANUP_REPORT;

import com.ingrammicro.masterpayer.cleanup.AccessCleanup;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourney;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Verify access removed": asks AWS again. The journey completes when nothing remains,
 * or when AWS cannot be asked and a person has attested the removal by hand; otherwise people take over.
 */
@Component("verifyAccessRemovedDelegate")
class VerifyAccessRemovedDelegate implements JavaDelegate {

  private final OffboardingJourney offboardings;
  private final AccessCleanup cleanup;

  VerifyAccessRemovedDelegate(OffboardingJourney offboardings, AccessCleanup cleanup) {
    this.offboardings = offboardings;
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(ProcessVariables.offboardingId(execution));
    boolean attested = Boolean.TRUE.equals(ProcessVariables.flag(execution, ACCESS_REMOVED));
    Verification verification = cleanup.verify(offboarding.id(), offboarding.payerAccountId(), attested);
    boolean done = verification.result() == Verification.Result.VERIFIED
        || (verification.result() == Verification.Result.UNVERIFIABLE && attested);
    execution.setVariable(ACCESS_VERIFICATION, verification.result().name());
    execution.setVariable(ACCESS_REMOVAL_DONE, done);
    execution.setVariable(CLEANUP_REPORT, switch (verification.result()) {
      case VERIFIED -> "Verified through AWS: nothing of the distributor remains in payer account "
          + offboarding.payerAccountId() + " (" + verification.checkedAt() + ", STS request " + verification.assumeRequestId() + ").";
      case REMAINING -> "Verification found entities of the distributor still in the payer account.";
      case UNVERIFIABLE -> (attested ? "Removed by hand and attested; not verified through AWS: " : "Not verified: ")
          + verification.reason();
    });
    if (!done) {
      execution.setVariable(CLEANUP_FAILURE, AccessRemovalVariables.limit(verification.problem()));
      execution.setVariable(CLEANUP_REMAINING, AccessRemovalVariables.bullets(verification.remaining(),
          "Unknown: verification could not look. Check every role and customer-managed policy."));
    }
  }
}
