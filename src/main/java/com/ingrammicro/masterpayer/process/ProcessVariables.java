package com.ingrammicro.masterpayer.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed reads of the variables the delegates and listeners share. */
final class ProcessVariables {

  private ProcessVariables() {}

  /**
   * The offboarding a process instance runs: its business key, which only the engine's
   * administrators may change. Not the {@code offboardingId} variable, which the task forms show
   * and a task completion could overwrite.
   */
  static UUID offboardingId(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      throw new IllegalStateException("Process instance " + execution.getProcessInstanceId() + " has no business key");
    }
    return UUID.fromString(businessKey);
  }

  /** An amount as people read it: two decimals. */
  static String amount(Object value) {
    if (!(value instanceof Number number)) {
      return "unknown";
    }
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
