package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVAL_DONE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_VERIFICATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REPORT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cleanup.VerificationOutcome;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Verify access removed": asks AWS again, with whether a person has just attested the
 * removal by hand. The cleanup module decides whether that completes the journey ({@link
 * VerificationOutcome#done()}); the gateway after the task reads the decision.
 */
@Component("verifyAccessRemovedDelegate")
class VerifyAccessRemovedDelegate implements JavaDelegate {

  private final JourneyProgress offboardings;
  private final AccessRemoval accessRemoval;

  VerifyAccessRemovedDelegate(JourneyProgress offboardings, AccessRemoval accessRemoval) {
    this.offboardings = offboardings;
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Offboarding offboarding = offboardings.get(offboardingId(execution));
    VerificationOutcome outcome =
        accessRemoval.verify(
            offboarding.id(),
            offboarding.payerAccountId(),
            Boolean.TRUE.equals(ACCESS_REMOVED.from(execution)));
    ACCESS_VERIFICATION.on(execution).set(outcome.result().name());
    ACCESS_REMOVAL_DONE.on(execution).set(outcome.done());
    CLEANUP_REPORT.on(execution).set(outcome.report());
    if (!outcome.done()) {
      // people take over again: their task shows why and what remains
      CLEANUP_FAILURE.on(execution).set(outcome.failureSummary());
      CLEANUP_REMAINING.on(execution).set(outcome.remainingSummary());
    }
  }
}
