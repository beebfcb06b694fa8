package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_ACCEPTED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OUTSTANDING_AMOUNT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.ResellerAction;
import com.ingrammicro.masterpayer.process.deadline.Sla;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * The outcomes the listeners read are checked for their type: a wrong one fails with the variable's
 * name and type, which is what an operator then reads in the incident.
 */
class JourneyListenerTest {

  private final JourneyProgress records = mock(JourneyProgress.class);
  private final JourneyListener journey =
      new JourneyListener(records, new Sla(ProcessTestEngine.SLA));
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final UUID id = UUID.randomUUID();

  JourneyListenerTest() {
    when(execution.getProcessBusinessKey()).thenReturn(id.toString());
  }

  @Test
  void recordsTheRejectionReasonAndTheOutstandingAmountAsTheTasksGaveThem() {
    when(execution.getVariable(REJECTION_REASON.name())).thenReturn("Unknown payer");
    when(execution.getVariable(OUTSTANDING_AMOUNT.name())).thenReturn(1250.5);

    journey.conclude(execution, "REJECTED");
    journey.awaitReseller(execution, "SETTLE_BALANCE");

    verify(records).conclude(id, OffboardingStatus.REJECTED, "Unknown payer");
    verify(records).awaitReseller(id, ResellerAction.SETTLE_BALANCE, "Outstanding amount: 1250.50");
  }

  @Test
  void aRejectionReasonThatIsNoTextFailsNamingTheVariable() {
    when(execution.getVariable(REJECTION_REASON.name())).thenReturn(42);

    assertThatThrownBy(() -> journey.conclude(execution, "REJECTED"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'rejectionReason' must be a text, but is a Integer");
    verifyNoInteractions(records);
  }

  @Test
  void anOutstandingAmountThatIsNoNumberFailsInsteadOfTellingTheResellerAnUnknownAmount() {
    when(execution.getVariable(OUTSTANDING_AMOUNT.name())).thenReturn("1250.50 EUR");

    assertThatThrownBy(() -> journey.awaitReseller(execution, "SETTLE_BALANCE"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'outstandingAmount' must be a number, but is a String");
    verifyNoInteractions(records);
  }

  @Test
  void aResignatureDecisionThatIsNoBooleanFailsNamingTheVariable() {
    when(execution.getVariable(CTA_ACCEPTED.name())).thenReturn("false");

    assertThatThrownBy(() -> journey.awaitReseller(execution, "SIGN_CTA"))
        .hasMessage("Process variable 'ctaAccepted' must be true or false, but is a String");
    verify(records, never()).awaitReseller(any(), any(), any());
  }
}
