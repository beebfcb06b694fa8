package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Camunda's webapps are for staff. Camunda lets any user of its identity store log in to its
 * Welcome app, and any logged-in user call the webapps' engine API, where engine authorizations are
 * the only check; resellers are users of that store too (for the API). So a user who is not staff
 * is refused at every webapp login, Welcome included, and a session of such a user reaches nothing
 * under {@code /camunda/api}. The session's groups are the ones Camunda's webapp holds for it,
 * which it reads again when its authentication cache expires (5 minutes by default): a staff member
 * moved out of the staff groups loses the webapps then, as Camunda's own authorization checks do.
 */
final class CamundaWebappGuard extends OncePerRequestFilter {

  private static final Pattern LOGIN =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
  private static final String API = "/camunda/api/";
  private static final int MAX_LOGIN_BODY = 8 * 1024;

  private final AppUsers appUsers;
  private final String engineName;
  private final ObjectMapper json;
  private final UrlPathHelper paths = new UrlPathHelper();

  CamundaWebappGuard(AppUsers appUsers, String engineName, ObjectMapper json) {
    this.appUsers = appUsers;
    this.engineName = engineName;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = paths.getPathWithinApplication(request);
    if (!path.startsWith(API)) {
      chain.doFilter(request, response);
      return;
    }
    if ("POST".equals(request.getMethod()) && LOGIN.matcher(path).matches()) {
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_BODY);
      Optional<String> username = formField(body, "username");
      if (username.isPresent()
          && appUsers.isKnown(username.get())
          && !appUsers.load(username.get()).isStaff()) {
        // as Camunda answers a user without access to the app: its login page then says "missing
        // access rights"
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }
    if (CamundaWebappSession.user(request, engineName)
        .filter(user -> !user.isStaff())
        .isPresent()) {
      refuse(response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static Optional<String> formField(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        try {
          return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
          return Optional.empty(); // Camunda refuses the login itself
        }
      }
    }
    return Optional.empty();
  }

  private void refuse(HttpServletResponse response) throws IOException {
    EngineApiGuard.writeCamundaError(
        json,
        response,
        HttpStatus.FORBIDDEN,
        "AuthorizationException",
        "Camunda's webapps are for Ingram Micro staff; resellers use the offboarding API (/api).",
        List.of());
  }
}
