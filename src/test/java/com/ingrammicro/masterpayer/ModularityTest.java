package com.ingrammicro.masterpayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.modularityfixture.FixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The feature packages are modules: no cycles, no module reaches into another's internal
 * sub-packages, and each depends only on the modules its {@code package-info.java} allows
 * ({@code @ApplicationModule(allowedDependencies = ...)}).
 */
class ModularityTest {

  @Test
  void modulesRespectTheirBoundaries() {
    ApplicationModules.of(MasterPayerOffboardingApplication.class).verify();
  }

  @Test
  void aDependencyThatAModuleDoesNotAllowIsAViolation() {
    Violations violations =
        ApplicationModules.of(FixtureApplication.class, location -> true).detectViolations();

    assertThat(violations.hasViolations()).isTrue();
    assertThat(violations.getMessages())
        .anySatisfy(message -> assertThat(message).contains("payments").contains("ledger"));
  }
}
