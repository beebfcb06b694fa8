package com.ingrammicro.masterpayer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application uses Camunda's public API. Camunda 7 CE has had its last release, and its open
 * continuation keeps the public API, not the internals ({@code ..impl..} packages of the engine,
 * the webapps and the starter); where no public API does the job, one adapter per need holds the
 * internal call, listed here with the reason.
 */
class CamundaPublicApiTest {

  private static final String CAMUNDA_INTERNALS = "org.camunda.bpm..impl..";

  private static final Map<String, String> ADAPTERS =
      Map.of(
          "com.ingrammicro.masterpayer.process.EngineAuthentication",
          "who the engine's current call runs for: IdentityService.getCurrentAuthentication() answers with the impl type",
          "com.ingrammicro.masterpayer.process.CorrelationOperationLog",
          "the user operation log entry of a reseller's message correlation: the engine writes none with its process instance",
          "com.ingrammicro.masterpayer.system.NodeName",
          "the job executor's lock owner: neither the public API nor the starter's properties set it",
          "com.ingrammicro.masterpayer.system.CamundaContainerLogin",
          "staff single sign-on in the webapps: Camunda's container-based authentication, its documented extension point, lives in the webapps' impl package");

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.ingrammicro.masterpayer");

  @Test
  void nothingButTheListedAdaptersDependsOnCamundaInternals() {
    noClasses()
        .that(
            DescribedPredicate.describe(
                "are not one of the listed adapters",
                (JavaClass type) -> !ADAPTERS.containsKey(topLevel(type).getName())))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(CAMUNDA_INTERNALS)
        .because(
            "Camunda's internals are an upgrade risk; an adapter that needs them is listed with its reason")
        .check(classes);
  }

  @Test
  void everyListedAdapterStillNeedsCamundaInternals() {
    assertThat(ADAPTERS.keySet())
        .allSatisfy(
            adapter -> {
              assertThat(classes.contain(adapter)).as("%s exists", adapter).isTrue();
              assertThat(classes.get(adapter).getDirectDependenciesFromSelf())
                  .as(
                      "%s depends on Camunda's internals; if it no longer does, take it off the list",
                      adapter)
                  .map(Dependency::getTargetClass)
                  .anyMatch(
                      target ->
                          target.getPackageName().startsWith("org.camunda.bpm.")
                              && target.getPackageName().matches(".*\\.impl(\\..*)?"));
            });
  }

  private static JavaClass topLevel(JavaClass type) {
    return type.getEnclosingClass().map(CamundaPublicApiTest::topLevel).orElse(type);
  }
}
