package com.ingrammicro.masterpayer.cleanup;

import com.ingrammicro.masterpayer.offboarding.AccessRemovalProgress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The offboarding view's summary of the access removal, from its evidence. */
@Component
class AccessRemovalProgressView implements AccessRemovalProgress {

  private final AccessRemoval accessRemoval;

  AccessRemovalProgressView(AccessRemoval accessRemoval) {
    this.accessRemoval = accessRemoval;
  }

  @Override
  public boolean automated() {
    return accessRemoval.isEnabled();
  }

  @Override
  public Optional<Summary> of(UUID offboardingId) {
    return accessRemoval
        .evidence(offboardingId)
        .filter(evidence -> evidence.status() != AccessRemovalStatus.AWAITING)
        .map(
            evidence ->
                new Summary(
                    evidence.status().name(),
                    evidence.failure(),
                    evidence.plan() == null
                        ? List.of()
                        : evidence.plan().targets().map(AccessRemovalPlan.Target::label).toList(),
                    evidence.calls().stream()
                        .filter(
                            call ->
                                call.action().equals("DeleteRole")
                                    || call.action().equals("DeletePolicy")
                                    || call.action().equals("DeleteStack"))
                        .filter(call -> call.outcome() != AwsCall.Outcome.FAILED)
                        .map(AwsCall::entity)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                    evidence.verification() == null
                        ? List.of()
                        : evidence.verification().remaining(),
                    evidence.updatedAt(),
                    "/api/offboardings/" + offboardingId + "/access-removal"));
  }
}
