package com.ingrammicro.masterpayer.system;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded authorization server ({@code offboarding.security.authorization-server.enabled}, on
 * by default, off in {@code prod}): it issues the resellers' API tokens (client credentials grant,
 * RFC 6749 §4.4, at {@code /oauth2/token}) and is the OpenID provider of staff login, so the
 * application runs with no other service. Spring Authorization Server does the protocol; this class
 * says which clients exist ({@link EmbeddedClients}), which key signs ({@link SigningKey}) and what
 * a token says ({@link #tokenClaims}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "offboarding.security.authorization-server",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
class AuthorizationServerConfiguration {

  @Bean
  JWKSource<SecurityContext> tokenSigningKey(JdbcClient jdbc, Clock clock) {
    return new LazyJwkSource(() -> SigningKey.load(jdbc, clock));
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  RegisteredClientRepository registeredClients(ApiClients apiClients, Issuer issuer) {
    return new EmbeddedClients(apiClients, issuer);
  }

  /**
   * Nothing is kept once its tokens are issued: the tokens are self-contained JWTs, checked by
   * their signature, so an authorization is needed only between an authorization code's issue and
   * its redemption. Client credentials tokens, one per reseller call batch, are never stored.
   */
  @Bean
  OAuth2AuthorizationService authorizations() {
    return new PendingAuthorizations(new InMemoryOAuth2AuthorizationService());
  }

  /**
   * What the tokens say. Every token names the configured issuer, whatever host the request came in
   * on. An API token (client credentials) is for the API's audience and names the client's reseller
   * in the configured claim.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(
      Issuer issuer, AccessProperties properties, StaffGroupsClaim staffGroups) {
    return context -> {
      context.getClaims().issuer(issuer.url());
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
          && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        ClientSettings client = context.getRegisteredClient().getClientSettings();
        context
            .getClaims()
            .audience(List.of(properties.api().audience()))
            .claim(
                properties.api().resellerClaim(),
                String.valueOf(client.<Object>getSetting(ApiClients.RESELLER_SETTING)))
            .claim(
                ApiClients.CREDENTIALS_CLAIM,
                client.<Object>getSetting(ApiClients.CREDENTIALS_SETTING));
      }
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        staffGroups.addTo(context);
      }
    };
  }

  @Bean
  @Order(0)
  SecurityFilterChain authorizationServer(
      HttpSecurity http, AccessProperties properties, ProblemResponses problems) throws Exception {
    OAuth2AuthorizationServerConfigurer server =
        OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            authorizationServer ->
                authorizationServer
                    .clientAuthentication(
                        clients ->
                            clients.errorResponseHandler(
                                new SlowedClientAuthenticationFailure(
                                    properties
                                        .authorizationServer()
                                        .failedClientAuthenticationDelay())))
                    .tokenEndpoint(
                        tokens ->
                            tokens.accessTokenRequestConverters(
                                converters ->
                                    converters.replaceAll(
                                        converter ->
                                            converter
                                                    instanceof
                                                    OAuth2ClientCredentialsAuthenticationConverter
                                                ? new DefaultScopes(converter)
                                                : converter)))
                    .oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
        .securityContext(context -> context.securityContextRepository(StaffLogin.IDP_SESSION))
        .requestCache(cache -> cache.requestCache(StaffLogin.IDP_REQUESTS))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(StaffLogin.LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                    .defaultAuthenticationEntryPointFor(problems, request -> true));
    return http.build();
  }
}
