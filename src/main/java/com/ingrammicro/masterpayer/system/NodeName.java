package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In a cluster (docs/operations.md, "Running several nodes"), {@code offboarding.node-name} names
 * this node as the owner of the jobs it has locked ({@code ACT_RU_JOB.LOCK_OWNER_}, shown in
 * Cockpit), so an operator sees which node runs what, and which jobs a failed node held until their
 * lock expires. Each node needs its own name; unset, the engine names itself with a random id.
 *
 * <p>An adapter on the engine's internals, and the only one for this: the lock owner is a property
 * of the engine's {@code JobExecutor} (an {@code impl} type), which neither the public API nor the
 * Camunda starter's {@code camunda.bpm.job-execution.*} properties can set. Set here, in the engine
 * set-up, it is in place before the starter starts the job executor on {@code
 * ApplicationReadyEvent}.
 */
@Component
@Order(50)
class NodeName implements EngineSetup {

  private static final Logger log = LoggerFactory.getLogger(NodeName.class);

  private final String name;

  NodeName(@Value("${offboarding.node-name:}") String name) {
    this.name = name.trim();
  }

  @Override
  public void setUp(ProcessEngine engine) {
    if (!name.isEmpty()) {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getJobExecutor()
          .setLockOwner(name);
      log.info("This node locks jobs as {}", name);
    }
  }
}
