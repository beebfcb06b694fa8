package com.ingrammicro.masterpayer;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are modules: no cycles, and no module reaches into another's internals. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(MasterPayerOffboardingApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }
}
