package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * A step that brings the engine's own data (groups, authorizations, task filters, ...) to what the
 * application needs, on every start of every node. Steps run once the process engine is built, in
 * their {@link org.springframework.core.annotation.Order}, before the application serves requests
 * and before the job executor acquires jobs ({@link EngineSetupRunner}). A step must be idempotent:
 * it finds what an earlier start or another node has already done, and adds only what is missing.
 */
@FunctionalInterface
public interface EngineSetup {

  void setUp(ProcessEngine engine);
}
