package com.ingrammicro.masterpayer.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client credentials request that names no scope gets the client's registered scopes, the
 * pre-defined default RFC 6749 §3.3 allows, rather than a token that can do nothing. A request that
 * names scopes gets those it names, and only if they are the client's.
 */
final class DefaultScopes implements AuthenticationConverter {

  private final AuthenticationConverter request;

  DefaultScopes(AuthenticationConverter request) {
    this.request = request;
  }

  @Override
  public Authentication convert(HttpServletRequest httpRequest) {
    Authentication converted = request.convert(httpRequest);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant
        && grant.getScopes().isEmpty()
        && grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), grant.getAdditionalParameters());
    }
    return converted;
  }
}
