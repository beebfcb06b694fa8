package com.ingrammicro.masterpayer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets staff who are logged in to Camunda Tasklist or Cockpit open the API's documents from a task
 * form (the CTA links) without a second login. Only safe methods (GET, HEAD) are accepted this way,
 * so a session cookie can never change anything through the API; writes need HTTP Basic.
 */
class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final AppUsers appUsers;
  private final String engineName;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  CamundaWebappSessionAuthenticationFilter(AppUsers appUsers, String engineName) {
    this.appUsers = appUsers;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isSafe(request)
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && contexts.getContext().getAuthentication() == null) {
      CamundaWebappSession.userId(request, engineName)
          .map(appUsers::load)
          .filter(AppUser::isStaff)
          .ifPresent(
              user -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(
                        user, null, AppUsers.authoritiesOf(user)));
                contexts.setContext(context);
              });
    }
    chain.doFilter(request, response);
  }

  private static boolean isSafe(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }
}
