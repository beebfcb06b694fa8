package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.telemetry.Internals;
import org.camunda.bpm.engine.telemetry.Product;
import org.junit.jupiter.api.Test;

/** The startup warning is for the Community Edition, which Camunda no longer patches. */
class CamundaEndOfLifeNoticeTest {

  @Test
  void warnsAboutACommunityEditionWithItsVersionAndTheDocs() {
    assertThat(CamundaEndOfLifeNotice.notice(engine("7.24.0", "community")))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains(
                        "Camunda 7.24.0 Community Edition",
                        "end of life",
                        "security fixes",
                        "docs/camunda-ce.md",
                        "Admin"));
  }

  @Test
  void saysNothingAboutAnEnterpriseEdition() {
    assertThat(CamundaEndOfLifeNotice.notice(engine("7.24.3", "enterprise"))).isEmpty();
  }

  /** A product as the engine's telemetry describes itself. */
  private static Product engine(String version, String edition) {
    return new Product() {
      @Override
      public String getName() {
        return "Camunda BPM Runtime";
      }

      @Override
      public String getVersion() {
        return version;
      }

      @Override
      public String getEdition() {
        return edition;
      }

      @Override
      public Internals getInternals() {
        return null;
      }
    };
  }
}
