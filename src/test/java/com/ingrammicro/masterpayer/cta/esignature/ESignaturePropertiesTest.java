package com.ingrammicro.masterpayer.cta.esignature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** DocuSign's settings are checked at start-up, and the failure names the missing keys. */
class ESignaturePropertiesTest {

  @Configuration
  @EnableConfigurationProperties(ESignatureProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void withoutAProviderNothingIsRequired() {
    context.run(
        started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(ESignatureProperties.class).docuSignEnabled()).isFalse();
        });
  }

  @Test
  void docuSignWithoutItsSettingsRefusesToStartNamingWhatIsMissing() {
    context
        .withPropertyValues(
            "offboarding.esignature.provider=docusign",
            "offboarding.esignature.docusign.base-uri=https://demo.docusign.net/restapi",
            "offboarding.esignature.docusign.integration-key=ik",
            "offboarding.esignature.docusign.private-key=")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("offboarding.esignature.docusign.account-id")
                    .hasMessageContaining("offboarding.esignature.docusign.connect-hmac-keys")
                    .hasMessageContaining("offboarding.esignature.docusign.user-id")
                    .hasMessageContaining("offboarding.esignature.docusign.private-key")
                    .hasMessageNotContaining("integration-key"));
  }

  @Test
  void aConfiguredTokenStandsInForTheJwtGrant() {
    context
        .withPropertyValues(
            "offboarding.esignature.provider=DocuSign",
            "offboarding.esignature.docusign.base-uri=https://demo.docusign.net/restapi",
            "offboarding.esignature.docusign.account-id=acct",
            "offboarding.esignature.docusign.access-token=token",
            "offboarding.esignature.docusign.connect-hmac-keys=one,two")
        .run(
            started -> {
              assertThat(started).hasNotFailed();
              ESignatureProperties properties = started.getBean(ESignatureProperties.class);
              assertThat(properties.docuSignEnabled()).isTrue();
              assertThat(properties.docusign().connectHmacKeys()).containsExactly("one", "two");
              assertThat(properties.docusign().usesConfiguredToken()).isTrue();
            });
  }
}
