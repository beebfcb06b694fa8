package com.ingrammicro.masterpayer.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call in, and how ({@code offboarding.security}, docs/security.md): resellers with OAuth2
 * bearer tokens, staff through single sign-on in the browser and HTTP Basic for scripts.
 *
 * @param issuer the issuer the application's own authorization server names in its tokens, and the
 *     address staff's browsers reach it at; {@code http://localhost:<port>} when not set ({@link
 *     Issuer})
 * @param authorizationServer the embedded authorization server
 * @param api the reseller API's tokens
 * @param staffHttpBasic whether staff may call {@code /api} and {@code /engine-rest} with their
 *     user name and password (scripts); resellers never may
 * @param staffLogin staff single sign-on to the webapps and the audit page
 */
@Validated
@ConfigurationProperties("offboarding.security")
public record AccessProperties(
    URI issuer,
    @DefaultValue AuthorizationServer authorizationServer,
    @DefaultValue Api api,
    @DefaultValue("true") boolean staffHttpBasic,
    @DefaultValue StaffLogin staffLogin) {

  /**
   * @param enabled whether the application issues tokens itself ({@code /oauth2/token}, and the
   *     OpenID provider of staff login); off in {@code prod}, where the company's issuer does
   * @param failedClientAuthenticationDelay how long a token request with a wrong client secret
   *     waits before its 401: it slows a guesser down without ever locking the client out
   */
  public record AuthorizationServer(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT1S") Duration failedClientAuthenticationDelay) {}

  /**
   * @param audience the audience a token must name to call the API
   * @param resellerClaim the claim that names the reseller a token acts for
   * @param tokenLifetime how long the embedded authorization server's tokens live; a revoked or
   *     rotated client's tokens stop working sooner (docs/security.md)
   */
  public record Api(
      @DefaultValue("master-payer-offboarding-api") String audience,
      @DefaultValue("reseller") String resellerClaim,
      @DefaultValue("PT5M") Duration tokenLifetime) {}

  /**
   * @param groupsClaim the ID token claim that carries the staff member's groups
   * @param groups which of the identity provider's group names (or ids) mean which Camunda group; a
   *     Camunda group not named here is matched by its own id
   */
  public record StaffLogin(
      @DefaultValue("groups") String groupsClaim, @DefaultValue Map<String, List<String>> groups) {}
}
