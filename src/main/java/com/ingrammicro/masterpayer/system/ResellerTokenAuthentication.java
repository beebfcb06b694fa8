package com.ingrammicro.masterpayer.system;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A reseller authenticated by a bearer token: the principal is the {@link AppUser} the controllers
 * take, the credentials the token.
 */
final class ResellerTokenAuthentication extends AbstractAuthenticationToken {

  private final AppUser user;
  private final transient Jwt token;

  ResellerTokenAuthentication(
      AppUser user, Jwt token, Collection<? extends GrantedAuthority> authorities) {
    super(authorities);
    this.user = user;
    this.token = token;
    setAuthenticated(true);
  }

  @Override
  public AppUser getPrincipal() {
    return user;
  }

  @Override
  public Jwt getCredentials() {
    return token;
  }

  @Override
  public String getName() {
    return user.userId();
  }
}
