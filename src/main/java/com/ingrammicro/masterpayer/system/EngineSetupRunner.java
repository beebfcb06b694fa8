package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link EngineSetup} steps when every singleton exists (the process engine among them)
 * and before the context starts its lifecycle: the web server opens its port in that phase, and the
 * Camunda starter starts the job executor later still, on {@code ApplicationReadyEvent}. So no
 * request and no job sees an engine whose groups, grants or filters are not there yet, and a step
 * that fails stops the start.
 */
@Component
class EngineSetupRunner implements SmartInitializingSingleton {

  private final ProcessEngine engine;
  private final ObjectProvider<EngineSetup> steps;

  EngineSetupRunner(ProcessEngine engine, ObjectProvider<EngineSetup> steps) {
    this.engine = engine;
    this.steps = steps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    steps.orderedStream().forEach(step -> step.setUp(engine));
  }
}
