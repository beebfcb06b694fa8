package com.ingrammicro.masterpayer.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks staff's passwords against Camunda's identity store (HTTP Basic for scripts, and the
 * embedded OpenID provider's login page); Camunda applies its own login throttling to repeated
 * failures. Only staff log in with a password: a user who is not staff (a reseller user of an
 * earlier version) is refused before its password is looked at, with the answer a wrong password
 * gets, so that nobody can lock it out or learn its password here; resellers use OAuth2 bearer
 * tokens. The user's groups and the password check are read in one transaction: one connection and
 * one commit per request (docs/performance.md).
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
            status -> {
              AppUser known = appUsers.isKnown(userId) ? appUsers.load(userId) : null;
              return known != null && known.isStaff() && appUsers.checkPassword(userId, password)
                  ? known
                  : null;
            });
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
