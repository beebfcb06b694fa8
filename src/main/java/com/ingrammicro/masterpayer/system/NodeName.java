package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In a cluster (README, "Running several nodes"), {@code offboarding.node-name} names this node as
 * the owner of the jobs it has locked ({@code ACT_RU_JOB.LOCK_OWNER_}, shown in Cockpit), so an
 * operator sees which node runs what, and which jobs a failed node held until their lock expires.
 * Each node needs its own name; unset, the engine names itself with a random id.
 */
@Component
@Order(50)
class NodeName extends AbstractCamundaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NodeName.class);

  private final String name;

  NodeName(@Value("${offboarding.node-name:}") String name) {
    this.name = name.trim();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!name.isEmpty()) {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().setLockOwner(name);
      log.info("This node locks jobs as {}", name);
    }
  }
}
