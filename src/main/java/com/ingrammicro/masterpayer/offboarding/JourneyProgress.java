package com.ingrammicro.masterpayer.offboarding;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * How the journey reports its progress into the offboarding record. Called from the process, inside
 * the engine's transaction, so the record and the process instance never disagree.
 */
@Service
public class JourneyProgress {

  private final OffboardingRepository repository;
  private final Clock clock;

  JourneyProgress(OffboardingRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public Offboarding get(UUID id) {
    return repository
        .findById(id)
        .orElseThrow(() -> new IllegalStateException("No offboarding record " + id));
  }

  /**
   * Ties the offboarding to the process instance that runs it, once: false when there is no such
   * offboarding or another instance already runs it (an administrator starting a second one).
   */
  public boolean bindProcessInstance(UUID id, String processInstanceId) {
    return repository.bindProcessInstance(id, processInstanceId);
  }

  public void enterStage(UUID id, Stage stage) {
    repository.updateStage(id, stage, now());
  }

  public void awaitReseller(UUID id, ResellerAction action, String detail) {
    repository.updateResellerAction(id, action, detail, now());
  }

  public void resellerActed(UUID id) {
    repository.updateResellerAction(id, null, null, now());
  }

  /** Records the outcome; an offboarding concludes once, later calls change nothing. */
  public void conclude(UUID id, OffboardingStatus status, String reason) {
    if (status == OffboardingStatus.IN_PROGRESS) {
      throw new IllegalArgumentException("An offboarding cannot conclude as " + status);
    }
    repository.conclude(id, status, reason, now());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
