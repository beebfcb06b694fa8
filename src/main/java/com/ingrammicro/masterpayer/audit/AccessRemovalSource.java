package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidence;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidenceQuery;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan;
import com.ingrammicro.masterpayer.cleanup.AwsCall;
import com.ingrammicro.masterpayer.cleanup.PlanRound;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.process.OffboardingProcess;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The access removal's own evidence: each plan round and its approval, every call that changed the
 * account, the verification and a person's attestation, each at the step of the journey it belongs
 * to.
 */
@Component
class AccessRemovalSource implements TrailSource {

  private final AccessRemovalEvidenceQuery accessRemoval;

  AccessRemovalSource(AccessRemovalEvidenceQuery accessRemoval) {
    this.accessRemoval = accessRemoval;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    accessRemoval
        .evidence(subject.offboarding().id())
        .ifPresent(
            evidence -> {
              for (PlanRound round : evidence.rounds()) {
                AccessRemovalPlan plan = round.content();
                timeline.add(
                    round.plannedAt(),
                    Phase.ACCESS_REMOVAL,
                    EntryType.ACCESS_REMOVAL_PLANNED,
                    OffboardingProcess.Elements.PLAN_ACCESS_REMOVAL,
                    null,
                    null,
                    "Planned (round "
                        + round.round()
                        + ") the removal of "
                        + plan.roles().size()
                        + " roles and "
                        + plan.policies().size()
                        + " customer-managed policies and "
                        + plan.stacks().size()
                        + " stacks from payer account "
                        + plan.payerAccountId()
                        + " ("
                        + plan.stepCount()
                        + " calls), through "
                        + plan.roleArn()
                        + "; plan SHA-256 "
                        + round.sha256(),
                    details(
                        "round",
                        round.round(),
                        "sha256",
                        round.sha256(),
                        "roleArn",
                        plan.roleArn(),
                        "roles",
                        plan.roles(),
                        "policies",
                        plan.policies(),
                        "stacks",
                        plan.stacks(),
                        "skipped",
                        plan.skipped(),
                        "warnings",
                        plan.warnings()));
                if (round.decidedAt() != null) {
                  timeline.add(
                      round.decidedAt(),
                      Phase.ACCESS_REMOVAL,
                      EntryType.ACCESS_REMOVAL_PLAN_DECIDED,
                      round.decision() == PlanRound.Decision.SUPERSEDED
                          ? OffboardingProcess.Elements.REMOVE_DISTRIBUTOR_ACCESS
                          : OffboardingProcess.Tasks.APPROVE_REMOVAL_PLAN,
                      null,
                      round.decision() == PlanRound.Decision.SUPERSEDED ? null : round.decidedBy(),
                      switch (round.decision()) {
                        case APPROVED ->
                            "Plan round "
                                + round.round()
                                + " (SHA-256 "
                                + round.sha256()
                                + ") approved by "
                                + round.decidedBy();
                        case REJECTED ->
                            "Plan round "
                                + round.round()
                                + " rejected by "
                                + round.decidedBy()
                                + ": "
                                + round.reason();
                        case SUPERSEDED ->
                            "Plan round " + round.round() + " superseded: " + round.reason();
                        case PROPOSED -> "Plan round " + round.round() + " awaits approval";
                      },
                      details(
                          "round",
                          round.round(),
                          "sha256",
                          round.sha256(),
                          "decision",
                          round.decision(),
                          "decidedBy",
                          round.decidedBy(),
                          "reason",
                          round.reason()));
                }
              }
              for (AwsCall call : evidence.calls()) {
                timeline.add(
                    call.calledAt().atOffset(ZoneOffset.UTC),
                    Phase.ACCESS_REMOVAL,
                    EntryType.AWS_CALL,
                    OffboardingProcess.Elements.REMOVE_DISTRIBUTOR_ACCESS,
                    null,
                    null,
                    call.action()
                        + " "
                        + call.subject()
                        + " ("
                        + call.entity()
                        + "): "
                        + call.outcome()
                        + (call.errorCode() == null ? "" : " " + call.errorCode())
                        + (call.requestId() == null ? "" : ", AWS request " + call.requestId()),
                    details(
                        "entity",
                        call.entity(),
                        "action",
                        call.action(),
                        "subject",
                        call.subject(),
                        "outcome",
                        call.outcome(),
                        "errorCode",
                        call.errorCode(),
                        "requestId",
                        call.requestId()));
              }
              Verification verification = evidence.verification();
              if (verification != null) {
                timeline.add(
                    verification.checkedAt().atOffset(ZoneOffset.UTC),
                    Phase.ACCESS_REMOVAL,
                    EntryType.ACCESS_REMOVAL_VERIFIED,
                    OffboardingProcess.Elements.VERIFY_ACCESS_REMOVED,
                    null,
                    null,
                    switch (verification.result()) {
                      case VERIFIED -> "Verified through AWS: nothing of the distributor remains";
                      case REMAINING ->
                          "Verification found still in the account: "
                              + String.join(", ", verification.remaining());
                      case UNVERIFIABLE -> "Could not verify through AWS: " + verification.reason();
                    },
                    details(
                        "result",
                        verification.result(),
                        "remaining",
                        verification.remaining(),
                        "reason",
                        verification.reason(),
                        "assumeRequestId",
                        verification.assumeRequestId(),
                        "status",
                        evidence.status()));
              }
              AccessRemovalEvidence.Attestation attestation = evidence.attestation();
              if (attestation != null) {
                timeline.add(
                    attestation.at(),
                    Phase.ACCESS_REMOVAL,
                    EntryType.ACCESS_REMOVAL_ATTESTED,
                    OffboardingProcess.Tasks.REMOVE_ACCESS_MANUALLY,
                    null,
                    attestation.by(),
                    "Removal by hand attested by " + attestation.by(),
                    details("notes", attestation.notes()));
              }
            });
  }
}
