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
 *
 * <p>An adapter on the webapp's internals, and the only one for this: the webapps publish no API
 * for their login. The session's users and their groups and tenants exist only as the {@code
 * org.camunda.bpm.webapp.impl.security.auth} types; engine-rest's authentication is another thing
 * (HTTP Basic here), and the engine's identity service knows nothing of webapp sessions.
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
    return login(request, engineName)
        .map(
            login ->
                login instanceof UserAuthentication user
                    ? new AppUser(
                        user.getIdentityId(),
                        user.getGroupIds() == null ? List.of() : user.getGroupIds(),
                        user.getTenantIds() == null ? List.of() : user.getTenantIds())
                    : new AppUser(login.getIdentityId(), List.of(), List.of()));
  }

  private static Optional<Authentication> login(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE)
            instanceof Authentications authentications) {
      return Optional.ofNullable(authentications.getAuthenticationForProcessEngine(engineName));
    }
    return Optional.empty();
  }
}
