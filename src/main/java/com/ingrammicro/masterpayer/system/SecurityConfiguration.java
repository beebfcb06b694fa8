package com.ingrammicro.masterpayer.system;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. One identity store (Camunda's users and groups) behind every door:
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic, staff only, run as the user so engine authorizations
 *       apply, and only the changes Tasklist's work needs ({@link EngineApiPolicy});
 *   <li>{@code /api/**}: resellers' OAuth2 bearer tokens ({@link ApiTokens}, each operation with
 *       its scope) and staff's HTTP Basic; resellers start, follow and withdraw their own
 *       offboardings, staff read; the audit API ({@code /api/audit/**}) is for auditors and
 *       administrators only, the administration API ({@code /api/admin/**}: the payer registry) for
 *       administrators; DocuSign Connect's notifications carry no user but an HMAC, verified by
 *       their controller;
 *   <li>{@code /audit/**}: the audit page, for auditors and administrators (HTTP Basic, or their
 *       Camunda webapp session);
 *   <li>{@code /camunda/**}: Camunda's webapps, which have their own login, CSRF protection and
 *       application authorizations; staff only ({@link CamundaWebappGuard}), and their engine API
 *       under the same rules as engine-rest;
 *   <li>actuator: health for probes, the rest for administrators.
 * </ul>
 */
@Configuration
class SecurityConfiguration {

  private static final String[] STAFF = {
    Role.IAAS_SALES.name(), Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name()
  };
  private static final String[] AUDIT_READERS = {Role.AUDITOR.name(), Role.ADMIN.name()};
  private static final String[] ANYONE_WITH_A_ROLE = {
    Role.RESELLER.name(),
    Role.IAAS_SALES.name(),
    Role.FINANCE.name(),
    Role.AUDITOR.name(),
    Role.ADMIN.name()
  };

  @Bean
  ProblemResponses problemResponses(ObjectMapper objectMapper) {
    return new ProblemResponses(objectMapper);
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRest(
      HttpSecurity http,
      ProblemResponses problems,
      ProcessEngine engine,
      TaskCompletionCheck completions,
      ObjectMapper json,
      AccessProperties properties)
      throws Exception {
    EngineRestAuthenticationFilter runAsUser =
        new EngineRestAuthenticationFilter(engine.getIdentityService());
    staffBasic(http.securityMatcher(paths("/engine-rest/**")), problems, properties)
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(STAFF))
        .addFilterAfter(runAsUser, AuthorizationFilter.class)
        .addFilterAfter(
            new EngineApiGuard(
                EngineApiGuard.Door.ENGINE_REST,
                engine.getName(),
                completions,
                engine.getIdentityService(),
                json),
            EngineRestAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
      AppUsers appUsers,
      ProcessEngine engine,
      JwtDecoder apiTokens,
      AccessProperties properties)
      throws Exception {
    staffBasic(
            http.securityMatcher(
                paths("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")),
            problems,
            properties)
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.decoder(apiTokens)
                                .jwtAuthenticationConverter(ApiTokens.caller(properties)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .addFilterAfter(
            new CamundaWebappSessionAuthenticationFilter(appUsers, engine.getName()),
            BasicAuthenticationFilter.class)
        .headers(headers -> headers.addHeaderWriter(ContentSecurityPolicies.apiDocs()))
        .authorizeHttpRequests(
            requests ->
                requests
                    // DocuSign Connect signs in by the HMAC of its body, checked by its controller
                    // (docs/esignature.md): no user, and a forgery is refused with 401 there
                    .requestMatchers(POST, "/api/esignature/docusign/connect")
                    .permitAll()
                    .requestMatchers(POST, "/api/offboardings")
                    .access(reseller(ApiTokens.WRITE))
                    .requestMatchers(PUT, "/api/offboardings/*/cta/signed")
                    .access(reseller(ApiTokens.WRITE))
                    .requestMatchers(POST, "/api/offboardings/*/withdrawal")
                    .access(reseller(ApiTokens.WRITE))
                    .requestMatchers(GET, "/api/audit/**")
                    .hasAnyRole(AUDIT_READERS)
                    .requestMatchers("/api/audit/**")
                    .denyAll()
                    .requestMatchers("/api/admin/**")
                    .hasRole(Role.ADMIN.name())
                    // reading: resellers their own offboardings, staff all (checked per
                    // offboarding); a reseller's token needs the scope of what it does
                    .requestMatchers(GET, "/api/**", "/v3/api-docs/**", "/swagger-ui/**")
                    .access(staffOr(ApiTokens.READ))
                    .requestMatchers(HEAD, "/api/**")
                    .access(staffOr(ApiTokens.READ))
                    .requestMatchers("/api/**")
                    .access(staffOr(ApiTokens.WRITE))
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  /** A reseller whose token grants the scope. */
  private static AuthorizationManager<RequestAuthorizationContext> reseller(String scope) {
    return AuthorizationManagers.allOf(
        AuthorityAuthorizationManager.hasRole(Role.RESELLER.name()),
        AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope));
  }

  /** Staff, or a reseller whose token grants the scope. */
  private static AuthorizationManager<RequestAuthorizationContext> staffOr(String scope) {
    return AuthorizationManagers.anyOf(
        AuthorityAuthorizationManager.hasAnyRole(STAFF), reseller(scope));
  }

  /**
   * The audit page: static files that only call the audit API, so the same readers and the same
   * login.
   */
  @Bean
  @Order(3)
  SecurityFilterChain auditPage(
      HttpSecurity http, ProblemResponses problems, AppUsers appUsers, ProcessEngine engine)
      throws Exception {
    statelessBasic(http.securityMatcher(paths("/audit", "/audit/**")), problems)
        .addFilterAfter(
            new CamundaWebappSessionAuthenticationFilter(appUsers, engine.getName()),
            BasicAuthenticationFilter.class)
        .headers(headers -> headers.addHeaderWriter(ContentSecurityPolicies.auditPage()))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(GET, "/audit", "/audit/**")
                    .hasAnyRole(AUDIT_READERS)
                    .anyRequest()
                    .denyAll());
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain actuator(HttpSecurity http, ProblemResponses problems) throws Exception {
    statelessBasic(http.securityMatcher(EndpointRequest.toAnyEndpoint()), problems)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to("health", "info"))
                    .permitAll()
                    .anyRequest()
                    .hasRole(Role.ADMIN.name()));
    return http.build();
  }

  /**
   * Camunda's webapps guard themselves (login, session, CSRF token, security headers); in front of
   * them, staff only, and the same rules for their engine API as for engine-rest.
   */
  @Bean
  @Order(5)
  SecurityFilterChain camundaWebapps(
      HttpSecurity http,
      AppUsers appUsers,
      ProcessEngine engine,
      TaskCompletionCheck completions,
      ObjectMapper json)
      throws Exception {
    CamundaWebappGuard staffOnly = new CamundaWebappGuard(appUsers, engine.getName(), json);
    http.securityMatcher(paths("/camunda/**", "/", "/error", "/favicon.ico"))
        .addFilterBefore(staffOnly, AuthorizationFilter.class)
        .addFilterAfter(
            new EngineApiGuard(
                EngineApiGuard.Door.WEBAPP,
                engine.getName(),
                completions,
                engine.getIdentityService(),
                json),
            CamundaWebappGuard.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .securityContext(AbstractHttpConfigurer::disable)
        .sessionManagement(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Bean
  @Order(6)
  SecurityFilterChain everythingElse(HttpSecurity http, ProblemResponses problems)
      throws Exception {
    statelessBasic(http, problems)
        .authorizeHttpRequests(requests -> requests.anyRequest().denyAll());
    return http.build();
  }

  /**
   * Matches on the request path whatever servlet serves it: engine-rest and Camunda's webapps are
   * Jersey servlets, where Spring MVC's path matching would not see them.
   */
  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
  }

  /**
   * Stateless, with HTTP Basic for staff's scripts unless {@code
   * offboarding.security.staff-http-basic} is off (resellers never pass: {@link
   * CamundaIdentityAuthenticationProvider}).
   */
  private static HttpSecurity staffBasic(
      HttpSecurity http, ProblemResponses problems, AccessProperties properties) throws Exception {
    return properties.staffHttpBasic()
        ? statelessBasic(http, problems)
        : stateless(http.httpBasic(AbstractHttpConfigurer::disable), problems);
  }

  private static HttpSecurity statelessBasic(HttpSecurity http, ProblemResponses problems)
      throws Exception {
    return stateless(
        http.httpBasic(
            basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems)),
        problems);
  }

  private static HttpSecurity stateless(HttpSecurity http, ProblemResponses problems)
      throws Exception {
    return http.exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
  }
}
