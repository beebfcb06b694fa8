package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.system.EngineSetup;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo payer accounts of the local profile, registered to the demo resellers once their tenants
 * exist ({@code DemoIdentities}, order 20). A payer account that was ever registered is left as an
 * administrator left it (moved or retired). The {@code prod} profile seeds none.
 */
@Component
@Profile("local")
@Order(21)
class DemoPayerAccounts implements EngineSetup {

  static final List<NewPayerAccount> ACCOUNTS =
      List.of(
          new NewPayerAccount("123456789012", "ACME", "Acme Retail (demo)"),
          new NewPayerAccount("123456789013", "ACME", "Acme Media (demo)"),
          new NewPayerAccount("210987654321", "GLOBEX", "Globex Manufacturing (demo)"),
          new NewPayerAccount("210987654322", "GLOBEX", "Globex Research (demo)"));

  private final PayerAccountAdministration registry;

  DemoPayerAccounts(PayerAccountAdministration registry) {
    this.registry = registry;
  }

  @Override
  public void setUp(ProcessEngine engine) {
    ACCOUNTS.forEach(registry::seed);
  }
}
