package com.ingrammicro.masterpayer.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of the variables the delegates and listeners share. The journey's facts (payer,
 * reseller, contacts) are not among them: they come from the offboarding record. What is read here
 * are outcomes and routing values; a value of the wrong type fails with the variable's name and
 * type (a retried job, then an incident) instead of a {@link ClassCastException} somewhere else.
 */
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

  /** A text variable, or null when it is not set. */
  static String text(VariableScope scope, String name) {
    return typed(scope.getVariable(name), name, String.class, "a text");
  }

  /** A text variable of the scope itself (an input parameter of the activity), or null. */
  static String localText(VariableScope scope, String name) {
    return typed(scope.getVariableLocal(name), name, String.class, "a text");
  }

  /** A true/false variable, or null when it is not set. */
  static Boolean flag(VariableScope scope, String name) {
    return typed(scope.getVariable(name), name, Boolean.class, "true or false");
  }

  /** An amount variable as people read it, two decimals; "unknown" when it is not set. */
  static String amount(VariableScope scope, String name) {
    Number number = typed(scope.getVariable(name), name, Number.class, "a number");
    return number == null ? "unknown" : new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static <T> T typed(Object value, String name, Class<T> type, String expected) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    throw new IllegalStateException("Process variable '" + name + "' must be " + expected + ", but is a "
        + value.getClass().getSimpleName());
  }
}
