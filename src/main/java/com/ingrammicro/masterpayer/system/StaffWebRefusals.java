package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.util.UrlPathHelper;

/**
 * What the staff web answers those it does not let through. A browser that is not signed in goes to
 * single sign-on; the webapps' API ({@code /camunda/api/**}) and script calls get {@code 401},
 * never a redirect, in the error shape Camunda's webapps show. Someone signed in who may not open a
 * page gets {@code 403}: a page saying why, or Camunda's error shape on its API. A single sign-on
 * that fails ends on a page saying so, not in another round trip to the provider.
 */
final class StaffWebRefusals
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(StaffWebRefusals.class);

  private static final String WEBAPP_API = "/camunda/api/";
  private static final String PASSWORD_LOGIN_OFF =
      "Camunda's password login is off: staff sign in with single sign-on (/camunda/app/).";

  private final ObjectMapper json;
  private final AuthenticationEntryPoint signIn =
      new LoginUrlAuthenticationEntryPoint(StaffLogin.START);
  private final UrlPathHelper paths = new UrlPathHelper();

  StaffWebRefusals(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, jakarta.servlet.ServletException {
    if (isApi(request)) {
      EngineApiGuard.writeCamundaError(
          json,
          response,
          HttpStatus.UNAUTHORIZED,
          "AuthenticationException",
          isPasswordLogin(request)
              ? PASSWORD_LOGIN_OFF
              : "Not signed in: staff sign in with single sign-on (/camunda/app/).",
          List.of());
      return;
    }
    signIn.commence(request, response, exception);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    AppUser user =
        StaffUser.current().orElseGet(() -> new AppUser("someone", List.of(), List.of()));
    String reason =
        isPasswordLogin(request)
            ? PASSWORD_LOGIN_OFF
            : !user.isStaff()
                ? "Camunda's webapps and the audit page are for Ingram Micro staff (the groups"
                    + " iaas-sales, finance, auditors, camunda-admin); resellers use the offboarding"
                    + " API (/api)."
                : path(request).startsWith("/audit")
                    ? "The audit page is for auditors and administrators."
                    : "Only administrators may do this.";
    if (isApi(request)) {
      EngineApiGuard.writeCamundaError(
          json, response, HttpStatus.FORBIDDEN, "AuthorizationException", reason, List.of());
      return;
    }
    StaffPages.write(
        response, HttpStatus.FORBIDDEN.value(), StaffPages.refused(user.userId(), reason));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code =
        exception instanceof OAuth2AuthenticationException oauth2
            ? oauth2.getError().getErrorCode()
            : "authentication_failed";
    log.warn("Single sign-on failed: {}", exception.getMessage());
    SecurityContextHolder.clearContext();
    StaffPages.write(response, HttpStatus.UNAUTHORIZED.value(), StaffPages.signInFailed(code));
  }

  private boolean isApi(HttpServletRequest request) {
    return path(request).startsWith(WEBAPP_API)
        || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }

  private boolean isPasswordLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && path(request).matches("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
  }

  private String path(HttpServletRequest request) {
    return paths.getPathWithinApplication(request);
  }
}
