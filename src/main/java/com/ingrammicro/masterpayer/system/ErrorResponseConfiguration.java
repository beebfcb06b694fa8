package com.ingrammicro.masterpayer.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every layer that can refuse a request answers with a problem detail: Tomcat before any filter
 * ({@link ProblemErrorReportValve}), the firewall before anything parses the path ({@link
 * EarlyFirewallFilter}), Spring Security ({@link ProblemResponses}) and the error dispatch ({@link
 * ProblemErrorController}).
 */
@Configuration
class ErrorResponseConfiguration {

  @Bean
  FilterRegistrationBean<EarlyFirewallFilter> earlyFirewallFilter(ProblemResponses problems) {
    FilterRegistrationBean<EarlyFirewallFilter> registration =
        new FilterRegistrationBean<>(new EarlyFirewallFilter(problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Spring Boot adds Tomcat's own ErrorReportValve to the host; this one is added after it, so it
   * runs first on the way out and Tomcat's finds the error already reported.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> context.getParent().getPipeline().addValve(new ProblemErrorReportValve()));
  }
}
