package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.audit.Trail.Step;
import com.ingrammicro.masterpayer.offboarding.OffboardingSearch;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Assembles an offboarding's {@link Trail}: its steps from the engine's history, and one timeline
 * of what every {@link TrailSource} adds (the engine's history and the modules' own records).
 */
@Component
class TrailBuilder {

  private final OffboardingSearch offboardings;
  private final HistoryService history;
  private final List<TrailSource> sources;

  TrailBuilder(OffboardingSearch offboardings, HistoryService history, List<TrailSource> sources) {
    this.offboardings = offboardings;
    this.history = history;
    this.sources = sources;
  }

  Optional<Trail> build(UUID offboardingId) {
    return find(offboardingId)
        .map(
            offboarding -> {
              EngineHistory engine = EngineHistory.of(history, offboarding.processInstanceId());
              Timeline timeline = new Timeline();
              TrailSubject subject = new TrailSubject(offboarding, engine);
              sources.forEach(source -> source.addTo(timeline, subject));
              List<Step> steps =
                  engine.steps().stream()
                      .map(step -> step.toStep(engine.outcome(step.task())))
                      .toList();
              return trail(offboarding, engine, steps, timeline.ordered());
            });
  }

  /**
   * The trail's steps without its timeline or the tasks' outcomes, as the diagram needs them: the
   * variable history, job log, incidents and the modules' records are not read.
   */
  Optional<Trail> buildSteps(UUID offboardingId) {
    return find(offboardingId)
        .map(
            offboarding -> {
              EngineHistory engine = EngineHistory.of(history, offboarding.processInstanceId());
              return trail(
                  offboarding,
                  engine,
                  engine.steps().stream().map(step -> step.toStep(null)).toList(),
                  List.of());
            });
  }

  private Optional<AuditedOffboarding> find(UUID offboardingId) {
    return offboardings.find(offboardingId).map(AuditedOffboarding::of);
  }

  private static Trail trail(
      AuditedOffboarding offboarding,
      EngineHistory engine,
      List<Step> steps,
      List<Trail.Entry> entries) {
    HistoricProcessInstance instance = engine.instance();
    return new Trail(
        offboarding,
        offboarding.processInstanceId(),
        instance == null ? null : instance.getProcessDefinitionId(),
        instance == null ? "NO_HISTORY" : instance.getState(),
        instance == null ? null : instance.getStartUserId(),
        steps,
        entries);
  }
}
