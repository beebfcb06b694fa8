package com.ingrammicro.masterpayer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

/**
 * Who is signed in to Camunda's webapps, for Camunda's container-based authentication ({@link
 * CamundaContainerLogin}): the staff member whom Spring Security signed in by single sign-on
 * ({@link StaffUser}), with the groups of that login and no tenants. Anyone else is not
 * authenticated; Spring Security has sent them to sign in, or refused them, before Camunda's filter
 * asks.
 *
 * <p>Public with a public constructor because Camunda makes it from its class name (the filter's
 * init-param {@code authentication-provider}).
 */
public final class SpringSecurityStaffAuthenticationProvider implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    return StaffUser.current()
        .filter(AppUser::isStaff)
        .map(
            user -> {
              AuthenticationResult result = AuthenticationResult.successful(user.userId());
              result.setGroups(user.groupIds());
              result.setTenants(List.of());
              return result;
            })
        .orElseGet(AuthenticationResult::unsuccessful);
  }

  /** No challenge: a browser signs in through single sign-on, which Spring Security starts. */
  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {}
}
