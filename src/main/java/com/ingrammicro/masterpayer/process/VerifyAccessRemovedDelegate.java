package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVAL_DONE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_VERIFICATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REPORT;

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
    Offboarding offboarding = offboardings.get(OffboardingProcess.offboardingId(execution));
    boolean attested = Boolean.TRUE.equals(ACCESS_REMOVED.from(execution));
    Verification verification = cleanup.verify(offboarding.id(), offboarding.payerAccountId(), attested);
    boolean done = verification.result() == Verification.Result.VERIFIED
        || (verification.result() == Verification.Result.UNVERIFIABLE && attested);
    ACCESS_VERIFICATION.on(execution).set(verification.result().name());
    ACCESS_REMOVAL_DONE.on(execution).set(done);
    CLEANUP_REPORT.on(execution).set(switch (verification.result()) {
      case VERIFIED -> "Verified through AWS: nothing of the distributor remains in payer account "
          + offboarding.payerAccountId() + " (" + verification.checkedAt() + ", STS request " + verification.assumeRequestId() + ").";
      case REMAINING -> "Verification found entities of the distributor still in the payer account.";
      case UNVERIFIABLE -> (attested ? "Removed by hand and attested; not verified through AWS: " : "Not verified: ")
          + verification.reason();
    });
    if (!done) {
      CLEANUP_FAILURE.on(execution).set(AccessRemovalVariables.limit(verification.problem()));
      CLEANUP_REMAINING.on(execution).set(AccessRemovalVariables.bullets(verification.remaining(),
          "Unknown: verification could not look. Check every role and customer-managed policy."));
    }
  }
}
