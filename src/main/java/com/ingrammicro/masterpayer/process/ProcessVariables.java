package com.ingrammicro.masterpayer.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads by variable name, for the classes that still name variables as strings
 * ({@code AccessRemovalAttestation}); everything else reads through {@link OffboardingProcess}'s
 * {@link ProcessVariable}s, which fail in the same way on a value of the wrong type.
 */
final class ProcessVariables {

  private ProcessVariables() {}

  static UUID offboardingId(DelegateExecution execution) {
    return OffboardingProcess.offboardingId(execution);
  }

  static String text(VariableScope scope, String name) {
    return ProcessVariable.stringVariable(name).from(scope);
  }

  static Boolean flag(VariableScope scope, String name) {
    return ProcessVariable.booleanVariable(name).from(scope);
  }
}
