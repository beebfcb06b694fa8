package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;

import com.ingrammicro.masterpayer.cleanup.AccessRemovalBlockedException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The hand-over of the automated access removal to people: the cleanup module's summaries of why it
 * stopped and what remains become the variables the task "Remove distributor access manually"
 * shows.
 */
final class AccessRemovalHandOver {

  private AccessRemovalHandOver() {}

  /**
   * Runs a step of the automated removal; when AWS refuses for good, records why and what remains
   * and throws the BPMN error that hands the work over to people.
   */
  static void handingOverWhenBlocked(DelegateExecution execution, Runnable step) {
    try {
      step.run();
    } catch (AccessRemovalBlockedException blocked) {
      CLEANUP_FAILURE.on(execution).set(blocked.failureSummary());
      CLEANUP_REMAINING.on(execution).set(blocked.remainingSummary());
      throw new BpmnError(OffboardingProcess.Errors.ACCESS_CLEANUP_BLOCKED, blocked.getMessage());
    }
  }
}
