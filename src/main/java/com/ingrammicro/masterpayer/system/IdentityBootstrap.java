package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of {@link Role} and their access to Camunda's webapps, in every profile. Users
 * are never created here: the demo ones come from {@link DemoIdentities} (profile {@code local});
 * in production an administrator creates them in Camunda Admin.
 */
@Component
@Order(10)
class IdentityBootstrap implements EngineSetup {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

  @Override
  public void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (Role role : Role.values()) {
      if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
        Group group = identity.newGroup(role.groupId());
        group.setName(role.groupName());
        group.setType(role.groupType());
        identity.saveGroup(group);
        log.info("Created group {}", role.groupId());
      }
    }
    Grants grants = new Grants(engine.getAuthorizationService());
    grants.grant(Role.IAAS_SALES, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.grant(Role.FINANCE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.grant(Role.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // Administrators get what Camunda's own set-up gives its admin group: everything, on every
    // resource. Membership in camunda-admin alone opens only the Admin webapp; without these grants
    // an administrator could not see a task in Tasklist or move its due date.
    for (Resources resource : Resources.values()) {
      grants.grant(Role.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
  }
}
