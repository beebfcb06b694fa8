package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.APPROVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.MAIL;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OUTSTANDING_AMOUNT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.ProcessVariable.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * A variable is read and written under its name, as its type, and a value of another type is named
 * as such.
 */
class ProcessVariableTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void readsTheValueOfItsTypeOrNothing() {
    when(execution.getVariable("approved")).thenReturn(true);
    when(execution.getVariable("outstandingAmount")).thenReturn(12L);

    assertThat(APPROVED.from(execution)).isTrue();
    assertThat(OUTSTANDING_AMOUNT.from(execution)).isEqualTo(12L);
    assertThat(REJECTION_REASON.from(execution)).isNull();
  }

  @Test
  void aLocalReadSeesOnlyTheScopeItself() {
    when(execution.getVariable("mail")).thenReturn("REQUEST_RECEIVED");
    when(execution.getVariableLocal("mail")).thenReturn(null);

    assertThat(MAIL.fromLocal(execution)).isNull();
  }

  @Test
  void aValueOfAnotherTypeFailsNamingTheVariableAndItsType() {
    when(execution.getVariableLocal("mail")).thenReturn(7);

    assertThatThrownBy(() -> MAIL.fromLocal(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'mail' must be a text, but is a Integer");
  }

  @Test
  void writesUnderItsName() {
    APPROVED.on(execution).set(false);
    MAIL.on(execution).remove();

    verify(execution).setVariable("approved", false);
    verify(execution).removeVariable("mail");
  }

  @Test
  void buildsTheVariableMapsTheEngineTakes() {
    assertThat(variables(APPROVED.with(false), REJECTION_REASON.with("Unknown payer")))
        .containsExactly(entry("approved", false), entry("rejectionReason", "Unknown payer"));
  }
}
