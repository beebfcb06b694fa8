package com.ingrammicro.masterpayer.system;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps an authorization only while it waits for its tokens (an authorization code not yet
 * redeemed). Once tokens are issued it is removed: the tokens are self-contained JWTs and the
 * application offers no refresh tokens and no token introspection, so nothing needs it, and a
 * redeemed code cannot be found, hence not redeemed twice. Memory stays bounded by the codes in
 * flight (the in-memory service keeps at most 100 of those).
 */
final class PendingAuthorizations implements OAuth2AuthorizationService {

  private final OAuth2AuthorizationService pending;

  PendingAuthorizations(OAuth2AuthorizationService pending) {
    this.pending = pending;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    if (authorization.getAccessToken() != null) {
      pending.remove(authorization);
    } else {
      pending.save(authorization);
    }
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    pending.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return pending.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return pending.findByToken(token, tokenType);
  }
}
