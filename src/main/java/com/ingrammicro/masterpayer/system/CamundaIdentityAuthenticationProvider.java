package com.ingrammicro.masterpayer.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks HTTP Basic credentials against Camunda's identity store, the one identity store of the
 * application (Camunda applies its own login throttling to repeated failures). The password check
 * and the user's groups and reseller are read in one transaction: one connection and one commit per
 * request instead of three (docs/performance.md).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final AppUsers appUsers;
  private final TransactionTemplate transaction;

  CamundaIdentityAuthenticationProvider(
      AppUsers appUsers, PlatformTransactionManager transactions) {
    this.appUsers = appUsers;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    // a wrong password is answered after the commit, which keeps Camunda's count of failed attempts
    AppUser user =
        transaction.execute(
            status -> appUsers.checkPassword(userId, password) ? appUsers.load(userId) : null);
    if (user == null) {
      throw new BadCredentialsException("Unknown user or wrong password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(
        user, null, AppUsers.authoritiesOf(user));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
