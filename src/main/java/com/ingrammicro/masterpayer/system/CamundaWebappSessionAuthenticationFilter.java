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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets staff who are signed in to Camunda's webapps or the audit page by single sign-on open the
 * API's documents from a task form (the CTA links), and the audit page call the audit API, without
 * a second login. The staff member and groups are those of the session's single sign-on ({@link
 * StaffUser}). Only safe methods (GET, HEAD) are accepted this way, so a session cookie can never
 * change anything through the API; writes need HTTP Basic.
 */
class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

  /** The staff web's login, as its session keeps it (Spring Security's default session key). */
  private final HttpSessionSecurityContextRepository staffWebSessions =
      new HttpSessionSecurityContextRepository();

  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isSafe(request)
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && contexts.getContext().getAuthentication() == null
        && request.getSession(false) != null) {
      StaffUser.of(staffWebSessions.loadDeferredContext(request).get().getAuthentication())
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
