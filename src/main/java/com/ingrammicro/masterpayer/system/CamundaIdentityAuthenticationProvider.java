package com.ingrammicro.masterpayer.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity store, the one identity store of the
 * application (Camunda applies its own login throttling to repeated failures).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final AppUsers appUsers;

  CamundaIdentityAuthenticationProvider(AppUsers appUsers) {
    this.appUsers = appUsers;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)
        || !appUsers.checkPassword(userId, password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    AppUser user = appUsers.load(userId);
    return UsernamePasswordAuthenticationToken.authenticated(user, null, AppUsers.authoritiesOf(user));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
