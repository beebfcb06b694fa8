package com.ingrammicro.masterpayer.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo identities of the local profile: the staff users (password = user id) and the resellers
 * ACME and GLOBEX (tenants), whose demo API clients are the {@code clients} module's. They exist
 * nowhere else: the {@code prod} profile starts without any user.
 */
@Component
@Profile("local")
@Order(20)
class DemoIdentities implements EngineSetup {

  private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

  private record DemoUser(String id, String firstName, String lastName, Role role) {}

  private record DemoReseller(String id, String name) {}

  private static final List<DemoReseller> RESELLERS =
      List.of(
          new DemoReseller("ACME", "Acme Cloud Solutions Ltd"),
          new DemoReseller("GLOBEX", "Globex Corporation"));

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser("sales", "Sam", "Sales", Role.IAAS_SALES),
          new DemoUser("finance", "Fiona", "Finance", Role.FINANCE),
          new DemoUser("auditor", "Audrey", "Auditor", Role.AUDITOR),
          new DemoUser("admin", "Ada", "Admin", Role.ADMIN));

  @Override
  public void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (DemoReseller reseller : RESELLERS) {
      if (identity.createTenantQuery().tenantId(reseller.id()).count() == 0) {
        Tenant tenant = identity.newTenant(reseller.id());
        tenant.setName(reseller.name());
        identity.saveTenant(tenant);
      }
    }
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@demo.example");
      user.setPassword(demo.id());
      identity.saveUser(user);
      identity.createMembership(demo.id(), demo.role().groupId());
      log.info("Created demo user {} ({})", demo.id(), demo.role().groupId());
    }
  }
}
