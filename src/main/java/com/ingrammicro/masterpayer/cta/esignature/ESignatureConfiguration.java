package com.ingrammicro.masterpayer.cta.esignature;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * DocuSign's API client, only where the installation signs through DocuSign: one client, so one
 * cached token, for the envelopes sent and the notifications received.
 */
@Configuration
class ESignatureConfiguration {

  @Bean
  @ConditionalOnProperty(
      prefix = "offboarding.esignature",
      name = "provider",
      havingValue = "docusign")
  DocuSignApi docuSignApi(ESignatureProperties properties, RestClient.Builder http, Clock clock) {
    return new DocuSignApi(properties.docusign(), http, clock);
  }
}
