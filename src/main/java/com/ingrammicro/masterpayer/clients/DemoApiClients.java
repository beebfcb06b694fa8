package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.system.EngineSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo API clients of the local profile, for the demo resellers: {@code acme}/{@code acme} acts
 * for ACME, {@code globex}/{@code globex} for GLOBEX (client id = secret, like the demo users'
 * passwords). A client an administrator revoked or rotated is left as it is. The {@code prod}
 * profile has none.
 */
@Component
@Profile("local")
@Order(22)
class DemoApiClients implements EngineSetup {

  private final ApiClientAdministration clients;

  DemoApiClients(ApiClientAdministration clients) {
    this.clients = clients;
  }

  @Override
  public void setUp(ProcessEngine engine) {
    clients.seed("acme", "ACME", "Acme demo integration");
    clients.seed("globex", "GLOBEX", "Globex demo integration");
  }
}
