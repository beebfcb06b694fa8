package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;
import static com.ingrammicro.masterpayer.audit.Timeline.utc;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The journey's beginning (the reseller's request) and its end (with the offboarding's outcome).
 */
@Component
class ProcessInstanceSource implements TrailSource {

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    HistoricProcessInstance instance = subject.history().instance();
    if (instance == null) {
      return;
    }
    AuditedOffboarding offboarding = subject.offboarding();
    timeline.add(
        utc(instance.getStartTime()),
        Phase.REQUEST,
        EntryType.REQUESTED,
        null,
        null,
        instance.getStartUserId(),
        "Offboarding of payer account "
            + offboarding.payerAccountId()
            + " requested for reseller "
            + offboarding.resellerId(),
        details(
            "payerAccountId",
            offboarding.payerAccountId(),
            "resellerId",
            offboarding.resellerId(),
            "reason",
            offboarding.reason(),
            "newResponsibleParty",
            offboarding.newPartyName(),
            "newPartyKind",
            offboarding.newPartyKind()));
    if (instance.getEndTime() != null) {
      timeline.add(
          utc(instance.getEndTime()),
          Phase.END,
          EntryType.ENDED,
          null,
          null,
          null,
          "Ended "
              + offboarding.status()
              + (offboarding.statusReason() == null ? "" : ": " + offboarding.statusReason()),
          details(
              "status",
              offboarding.status(),
              "reason",
              offboarding.statusReason(),
              "processState",
              instance.getState()));
    }
  }
}
