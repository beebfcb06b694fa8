package com.ingrammicro.masterpayer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Camunda's "Sign out" ends the whole sign-in, not only the webapps' part of it. Camunda's logout
 * ({@code POST /camunda/api/admin/auth/user/{engine}/logout}) goes through as usual, its CSRF token
 * checked by Camunda's own filter; once Camunda has answered it, the HTTP session ends, and with it
 * the single sign-on of Spring Security (and the embedded provider's login, which lives in the same
 * session). The next page of the webapps starts a new single sign-on.
 */
final class CamundaWebappLogout extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CamundaWebappLogout.class);
  private static final Pattern LOGOUT =
      Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout/?$");

  private final UrlPathHelper paths = new UrlPathHelper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGOUT.matcher(paths.getPathWithinApplication(request)).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() >= 300) {
      return; // refused by Camunda (its CSRF check): nothing ends
    }
    StaffUser.current()
        .ifPresent(user -> log.info("{} signed out of Camunda's webapps", user.userId()));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }
}
