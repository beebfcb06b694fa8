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
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Staff are Camunda's staff groups, resellers OAuth2 clients:
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: HTTP Basic, staff only, run as the user so engine authorizations
 *       apply, and only the changes Tasklist's work needs ({@link EngineApiPolicy});
 *   <li>{@code /api/**}: resellers' OAuth2 bearer tokens ({@link ApiTokens}, each operation with
 *       its scope) start, follow and withdraw their own offboardings; staff read (HTTP Basic, or
 *       their single sign-on session for reads); the audit API ({@code /api/audit/**}) is for
 *       auditors and administrators only, the administration API ({@code /api/admin/**}: the payer
 *       registry, the API clients) for administrators; DocuSign Connect's notifications carry no
 *       user but an HMAC, verified by their controller;
 *   <li>the staff web: Camunda's webapps ({@code /camunda/**}) and the audit page ({@code
 *       /audit/**}), for staff signed in by single sign-on; the webapps' engine API under the same
 *       rules as engine-rest;
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
                EngineApiGuard.Door.ENGINE_REST, completions, engine.getIdentityService(), json),
            EngineRestAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
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
            new CamundaWebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
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
   * The staff web: Camunda's webapps, the audit page and the pages of staff sign-in, for staff
   * signed in by single sign-on (OpenID Connect, authorization code with PKCE: {@link
   * StaffLoginConfiguration}), in a session. A browser that is not signed in is sent to single
   * sign-on, the webapps' API answers {@code 401} ({@link StaffWebRefusals}); Camunda's own
   * password login is refused. Camunda's webapps take the staff member over from here ({@link
   * CamundaContainerLogin}) and keep their own CSRF protection, security headers and application
   * authorizations; their engine API runs under the same rules as engine-rest.
   */
  @Bean
  @Order(5)
  SecurityFilterChain staffWeb(
      HttpSecurity http,
      ProcessEngine engine,
      TaskCompletionCheck completions,
      ObjectMapper json,
      StaffUserService staffUsers,
      StaffClientRegistrations registrations)
      throws Exception {
    StaffWebRefusals refusals = new StaffWebRefusals(json);
    OidcClientInitiatedLogoutSuccessHandler signedOut =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    // the company's provider ends its own session too, when it offers to (end_session_endpoint)
    signedOut.setPostLogoutRedirectUri("{baseUrl}" + StaffLogin.LOGOUT);
    signedOut.setDefaultTargetUrl(StaffLogin.LOGOUT);
    RequestMatcher webapps = paths("/camunda/**");
    http.securityMatcher(
            paths(
                "/camunda/**",
                "/",
                "/error",
                "/favicon.ico",
                "/audit",
                "/audit/**",
                "/oauth2/authorization/**",
                "/login/oauth2/code/**",
                StaffLogin.LOGOUT))
        .oauth2Login(
            login ->
                login
                    .loginPage(StaffLogin.START)
                    // PKCE for the company's confidential client too, not only the public one
                    .authorizationEndpoint(
                        authorization ->
                            authorization.authorizationRequestResolver(
                                StaffClientRegistrations.withProofKey(registrations)))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffUsers))
                    .failureHandler(refusals))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(POST, StaffLogin.LOGOUT))
                    .logoutSuccessHandler(signedOut))
        .addFilterAfter(new CamundaWebappLogout(), AuthorizationFilter.class)
        .addFilterAfter(
            new EngineApiGuard(
                EngineApiGuard.Door.WEBAPP, completions, engine.getIdentityService(), json),
            CamundaWebappLogout.class)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
        // Camunda's webapps check their own CSRF token (their CsrfPreventionFilter); the error page
        // changes nothing, and a POST to it is answered 404 like any other (ProblemErrorController)
        .csrf(csrf -> csrf.ignoringRequestMatchers(webapps, paths("/error")))
        // ... and write their own security headers; the other pages get Spring Security's
        .headers(
            headers ->
                headers
                    .defaultsDisabled()
                    .addHeaderWriter(
                        ContentSecurityPolicies.staffWeb(new NegatedRequestMatcher(webapps))))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(paths("/", "/error", "/favicon.ico"))
                    .permitAll()
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(GET, StaffLogin.LOGOUT))
                    .permitAll()
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults()
                            .matcher(POST, "/camunda/api/admin/auth/user/*/login/*"))
                    .denyAll()
                    // Camunda's set-up page creates a first administrator while its identity store
                    // has none, which with single sign-on it never has
                    .requestMatchers(paths("/camunda/api/admin/setup/**"))
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(webapps)
                    .hasAnyRole(STAFF)
                    .requestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(GET, "/audit"),
                        PathPatternRequestMatcher.withDefaults().matcher(GET, "/audit/**"))
                    .hasAnyRole(AUDIT_READERS)
                    .anyRequest()
                    .denyAll());
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
        // no session of its own, and the session a request may carry (the staff web's, which the
        // API reads for staff: CamundaWebappSessionAuthenticationFilter) keeps its id: a new id
        // would sign out the page's other calls under way
        .sessionManagement(
            sessions ->
                sessions
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
  }
}
