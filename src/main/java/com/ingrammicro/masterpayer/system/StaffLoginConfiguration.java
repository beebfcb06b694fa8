package com.ingrammicro.masterpayer.system;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Staff single sign-on (OpenID Connect, authorization code with PKCE; docs/security.md): the
 * provider ({@link StaffClientRegistrations}), who a login makes the staff member ({@link
 * StaffUserService}), and Camunda's webapps taking the login over ({@link CamundaContainerLogin}).
 * The web chain that runs the login is {@code SecurityConfiguration#staffWeb}.
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

  /**
   * Camunda's container-based authentication for the webapps' pages and API, after Spring
   * Security's filters (whose single sign-on it takes over) and before Camunda's own (which then
   * find the staff member in the session).
   */
  @Bean
  FilterRegistrationBean<CamundaContainerLogin> camundaContainerLogin(
      CamundaBpmProperties camunda) {
    String webapps = camunda.getWebapp().getApplicationPath();
    var cache = camunda.getWebapp().getAuth().getCache();
    FilterRegistrationBean<CamundaContainerLogin> registration =
        new FilterRegistrationBean<>(
            new CamundaContainerLogin(cache.isTtlEnabled() ? cache.getTimeToLive() : 0));
    registration.setName("Staff single sign-on (container-based authentication)");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            SpringSecurityStaffAuthenticationProvider.class.getName()));
    registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }
}
