package com.ingrammicro.masterpayer.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The embedded OpenID provider's login page ({@value StaffLogin#LOGIN_PAGE}): staff sign in with
 * their user name and password of Camunda's identity store ({@link
 * CamundaIdentityAuthenticationProvider}: staff only, Camunda's login throttling applies), and the
 * provider then completes the authorization request that sent them here. The login is the
 * provider's, kept apart in the session ({@link StaffLogin#IDP_SESSION}); it signs nobody in to the
 * application, which only the OpenID Connect flow does. Off with the embedded authorization server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "offboarding.security.authorization-server",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class EmbeddedProviderLogin {

  @Bean
  @Order(0)
  SecurityFilterChain embeddedProviderLoginPage(HttpSecurity http) throws Exception {
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(StaffLogin.LOGIN_PAGE))
        .formLogin(
            form ->
                form.loginPage(StaffLogin.LOGIN_PAGE)
                    .loginProcessingUrl(StaffLogin.LOGIN_PAGE)
                    .failureUrl(StaffLogin.LOGIN_PAGE + "?error")
                    .permitAll())
        .securityContext(context -> context.securityContextRepository(StaffLogin.IDP_SESSION))
        .requestCache(cache -> cache.requestCache(StaffLogin.IDP_REQUESTS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
