package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidence;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidenceQuery;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan;
import com.ingrammicro.masterpayer.cleanup.AwsCall;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.process.OffboardingProcess;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * The access removal's own evidence: the plan, every IAM call that changed the account, the
 * verification and a person's attestation, each at the step of the journey it belongs to.
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
              AccessRemovalPlan plan = evidence.plan();
              if (plan != null) {
                timeline.add(
                    plan.discoveredAt().atOffset(ZoneOffset.UTC),
                    Phase.ACCESS_REMOVAL,
                    EntryType.ACCESS_REMOVAL_PLANNED,
                    OffboardingProcess.Elements.PLAN_ACCESS_REMOVAL,
                    null,
                    null,
                    "Planned the removal of "
                        + plan.roles().size()
                        + " roles and "
                        + plan.policies().size()
                        + " customer-managed policies from payer account "
                        + plan.payerAccountId()
                        + " ("
                        + plan.stepCount()
                        + " IAM calls), through "
                        + plan.roleArn(),
                    details(
                        "roleArn",
                        plan.roleArn(),
                        "roles",
                        plan.roles(),
                        "policies",
                        plan.policies(),
                        "skipped",
                        plan.skipped()));
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
