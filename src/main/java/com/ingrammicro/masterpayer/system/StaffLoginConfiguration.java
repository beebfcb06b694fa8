package com.ingrammicro.masterpayer.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Staff single sign-on (OpenID Connect, authorization code with PKCE; docs/security.md): the
 * provider ({@link StaffClientRegistrations}), who a login makes the staff member ({@link
 * StaffUserService}); Camunda's webapps take the login over in {@link
 * CamundaContainerLoginRegistration}. The web chain that runs the login is {@code
 * SecurityConfiguration#staffWeb}.
 *
 * <p>Spring Boot's own client registrations back off because this class makes the repository; it
 * still reads their properties ({@code spring.security.oauth2.client.*}), here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class StaffLoginConfiguration {

  @Bean
  StaffClientRegistrations staffClientRegistrations(
      OAuth2ClientProperties clients,
      AccessProperties access,
      ObjectProvider<Issuer> issuer,
      Environment environment) {
    return StaffClientRegistrations.of(clients, access, issuer.getIfAvailable(), environment);
  }

  /**
   * The provider's tokens stay in the staff member's session, and end with it: nothing of a login
   * outlives its sign-out.
   */
  @Bean
  OAuth2AuthorizedClientRepository staffAuthorizedClients() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  StaffUserService staffUserService(AccessProperties access) {
    return new StaffUserService(access.staffLogin());
  }
}
