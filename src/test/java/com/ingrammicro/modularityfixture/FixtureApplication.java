package com.ingrammicro.modularityfixture;

import org.springframework.modulith.Modulith;

/**
 * The root of a two-module application that breaks its declared boundaries on purpose, so that
 * {@code ModularityTest} can show that the verification catches a forbidden dependency.
 */
@Modulith
public final class FixtureApplication {

  private FixtureApplication() {}
}
