package com.ingrammicro.masterpayer.system;

import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's webapps take the staff member's single sign-on over ({@link CamundaContainerLogin}).
 */
@Configuration(proxyBeanMethods = false)
class CamundaContainerLoginRegistration {

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
