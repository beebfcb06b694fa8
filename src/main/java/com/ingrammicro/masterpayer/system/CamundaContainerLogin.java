package com.ingrammicro.masterpayer.system;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's documented way to let someone else sign staff in to its webapps: its container-based
 * authentication filter, which puts the user that an {@link
 * org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider} names into the webapps' session
 * ({@link SpringSecurityStaffAuthenticationProvider}: the single sign-on of Spring Security). An
 * adapter on the webapps' internals: Camunda publishes this extension point only in its {@code
 * impl} package.
 *
 * <p>Two things differ from Camunda's own filter, because the staff member's groups are the login's
 * and the staff member need not exist in Camunda's identity store (a company's staff sign in with
 * the company's provider):
 *
 * <ul>
 *   <li>the webapps' login is made from the signed-in user as it is, without looking the user up in
 *       the identity store (where Camunda's filter finds no such user and gives up); which apps it
 *       opens comes from the engine's application authorizations for its groups, as for Camunda's
 *       own login;
 *   <li>a webapps' login whose groups are not the single sign-on's is made again, and so is one
 *       whose authorization cache time has passed: Camunda's webapps would otherwise read the
 *       groups from the identity store when it passes ({@code camunda.bpm.webapp.auth.cache}).
 * </ul>
 */
final class CamundaContainerLogin extends ContainerBasedAuthenticationFilter {

  /** How long a webapps' login holds its apps before they are read again; 0: for ever. */
  private final long cacheTimeToLive;

  CamundaContainerLogin(long cacheTimeToLive) {
    this.cacheTimeToLive = cacheTimeToLive;
  }

  @Override
  protected boolean existisAuthentication(
      Authentications authentications, String engineName, String username) {
    Authentication existing = authentications.getAuthenticationForProcessEngine(engineName);
    return super.existisAuthentication(authentications, engineName, username)
        && existing instanceof UserAuthentication login
        && StaffUser.current()
            .map(user -> Set.copyOf(user.groupIds()))
            .filter(groups -> Objects.equals(groups, Set.copyOf(login.getGroupIds())))
            .isPresent()
        && (login.getCacheValidationTime() == null
            || new Date().before(login.getCacheValidationTime()));
  }

  @Override
  protected UserAuthentication createAuthentication(
      ProcessEngine engine, String username, List<String> groups, List<String> tenants) {
    UserAuthentication login = new UserAuthentication(username, engine.getName());
    login.setGroupIds(groups);
    login.setTenantIds(tenants);
    login.setAuthorizedApps(authorizedApps(engine, username, groups));
    // a time, never none: with none, Camunda's webapps read the groups from the identity store on
    // every request
    login.setCacheValidationTime(
        new Date(
            cacheTimeToLive > 0 ? System.currentTimeMillis() + cacheTimeToLive : Long.MAX_VALUE));
    return login;
  }

  /** Welcome always, and each app whose application authorization the groups have. */
  private static Set<String> authorizedApps(
      ProcessEngine engine, String userId, List<String> groups) {
    Set<String> apps = new HashSet<>();
    apps.add(AuthenticationUtil.APP_WELCOME);
    // checked for the user, not as the user: the check itself needs no rights
    engine.getIdentityService().clearAuthentication();
    AuthorizationService authorizations = engine.getAuthorizationService();
    boolean checked = engine.getProcessEngineConfiguration().isAuthorizationEnabled();
    for (String app : AuthenticationUtil.APPS) {
      if (!checked
          || authorizations.isUserAuthorized(
              userId, groups, Permissions.ACCESS, Resources.APPLICATION, app)) {
        apps.add(app);
      }
    }
    return apps;
  }
}
