package com.ingrammicro.masterpayer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * The user logged in to Camunda's webapps in a request's session, as Camunda's webapp keeps it (the
 * session attribute of its {@code AuthenticationUtil}); the one place that reads Camunda's webapp
 * session.
 */
final class CamundaWebappSession {

  /** Where Camunda's webapp keeps the logged-in users of a session (AuthenticationUtil). */
  private static final String CAMUNDA_SESSION_ATTRIBUTE = "authenticatedUser";

  private CamundaWebappSession() {}

  /** The user id of the webapp login for the engine, if the request's session has one. */
  static Optional<String> userId(HttpServletRequest request, String engineName) {
    return login(request, engineName).map(Authentication::getIdentityId);
  }

  /** The webapp login for the engine with its groups and tenants as Camunda's webapp holds them. */
  static Optional<AppUser> user(HttpServletRequest request, String engineName) {
    return login(request, engineName).map(login -> login instanceof UserAuthentication user
        ? new AppUser(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds(),
            user.getTenantIds() == null ? List.of() : user.getTenantIds())
        : new AppUser(login.getIdentityId(), List.of(), List.of()));
  }

  private static Optional<Authentication> login(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE) instanceof Authentications authentications) {
      return Optional.ofNullable(authentications.getAuthenticationForProcessEngine(engineName));
    }
    return Optional.empty();
  }
}
