package com.ingrammicro.masterpayer.process;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the variables the delegates and listeners share. */
final class ProcessVariables {

  private ProcessVariables() {}

  static UUID offboardingId(VariableScope scope) {
    Object id = scope.getVariable(OffboardingProcess.Variables.OFFBOARDING_ID);
    if (!(id instanceof String text)) {
      throw new IllegalStateException("Process variable offboardingId is missing");
    }
    return UUID.fromString(text);
  }

  /** An amount as people read it: two decimals. */
  static String amount(Object value) {
    if (!(value instanceof Number number)) {
      return "unknown";
    }
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
