package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_ACCEPTED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.WITHDRAWAL_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.ResellerAction;
import com.ingrammicro.masterpayer.offboarding.Stage;
import com.ingrammicro.masterpayer.process.deadline.Sla;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The diagram's execution listeners ({@code ${journey.enterStage(execution, 'REVIEW')}} and
 * friends): they keep the offboarding record in step with the process, in the engine's transaction.
 *
 * <p>Public because the diagram's expressions call it by reflection, which needs a public class.
 */
@Component("journey")
public class JourneyListener {

  private final JourneyProgress records;
  private final Sla sla;

  JourneyListener(JourneyProgress records, Sla sla) {
    this.records = records;
    this.sla = sla;
  }

  /**
   * The start listener of the process: one process instance per offboarding. The business key must
   * name an offboarding that no other instance runs; anything else (an administrator starting an
   * instance by hand) is refused before the instance exists.
   */
  public void begin(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    UUID offboardingId;
    try {
      offboardingId = UUID.fromString(String.valueOf(businessKey));
    } catch (IllegalArgumentException notAnId) {
      throw new BadUserRequestException(
          "A Master Payer offboarding is started by the reseller's request "
              + "(POST /api/offboardings), with the offboarding's id as business key; '"
              + businessKey
              + "' is not one.");
    }
    if (!records.bindProcessInstance(offboardingId, execution.getProcessInstanceId())) {
      throw new BadUserRequestException(
          "Offboarding "
              + offboardingId
              + " does not exist or already runs in another "
              + "process instance; there is one process instance per offboarding.");
    }
  }

  public void enterStage(DelegateExecution execution, String stage) {
    records.enterStage(offboardingId(execution), Stage.valueOf(stage));
  }

  public void awaitReseller(DelegateExecution execution, String action) {
    ResellerAction awaited = ResellerAction.valueOf(action);
    String detail =
        switch (awaited) {
          case SIGN_CTA ->
              Boolean.FALSE.equals(CTA_ACCEPTED.from(execution))
                  ? "Ingram Micro asks for a new signature: " + CTA_REJECTION_REASON.from(execution)
                  : null;
          case SETTLE_BALANCE ->
              "Outstanding amount: "
                  + asPeopleReadIt(OffboardingProcess.outstandingAmount(execution));
        };
    records.awaitReseller(offboardingId(execution), awaited, detail);
  }

  public void resellerActed(DelegateExecution execution) {
    records.resellerActed(offboardingId(execution));
  }

  public void conclude(DelegateExecution execution, String status) {
    OffboardingStatus outcome = OffboardingStatus.valueOf(status);
    String reason =
        switch (outcome) {
          case REJECTED -> REJECTION_REASON.from(execution);
          case WITHDRAWN -> WITHDRAWAL_REASON.from(execution);
          case EXPIRED ->
              "No signed Consent to Assignment was received within "
                  + sla.describeCtaExpiry()
                  + ".";
          case COMPLETED, IN_PROGRESS -> null;
        };
    records.conclude(offboardingId(execution), outcome, reason);
  }

  /** Two decimals, as finance states amounts; "unknown" when the task gave none. */
  private static String asPeopleReadIt(BigDecimal amount) {
    return amount == null ? "unknown" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
