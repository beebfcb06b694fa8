package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers refused requests with RFC 9457 problem details instead of an HTML error page or an empty
 * body: failed logins, missing rights, and requests the firewall rejects (a {@code ;}, {@code //}
 * or encoded dot segment in the path, a method such as TRACE).
 */
class ProblemResponses
    implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

  static final String REALM = "Master Payer Offboarding";

  private final ObjectMapper objectMapper;

  ProblemResponses(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /**
   * 401: a bearer token that is not valid is named as such (RFC 6750 §3); otherwise both ways in
   * are offered, a bearer token for resellers and HTTP Basic for staff.
   */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof OAuth2AuthenticationException invalid) {
      String description = invalid.getError().getDescription();
      String reason =
          description == null ? "it is malformed, expired or not for this API" : description;
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer realm=\""
              + REALM
              + "\", error=\"invalid_token\", error_description=\""
              + reason.replace('"', '\'')
              + "\"");
      write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "The bearer token is not accepted: " + reason + ".");
      return;
    }
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Authentication is required. Resellers send an OAuth2 bearer token (client credentials,"
            + " /oauth2/token); staff use HTTP Basic with their user's credentials.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller instanceof ResellerTokenAuthentication) {
      response.setHeader(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\"");
      write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Your token does not allow this: reading needs the scope "
              + ApiTokens.READ
              + ", starting, signing and withdrawing need "
              + ApiTokens.WRITE
              + "; resellers reach their own offboardings only.");
      return;
    }
    write(request, response, HttpStatus.FORBIDDEN, "Your user is not allowed to do this.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException exception)
      throws IOException {
    if (!EarlyFirewallFilter.ALLOWED_METHODS.contains(request.getMethod())) {
      response.setHeader(HttpHeaders.ALLOW, String.join(", ", EarlyFirewallFilter.ALLOWED_METHODS));
      write(
          request,
          response,
          HttpStatus.METHOD_NOT_ALLOWED,
          "The method " + printable(request.getMethod()) + " is not supported.");
      return;
    }
    write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "The request was rejected: the path or a header is malformed.");
  }

  void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    // in an error dispatch, the request that failed, not /error
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    write(failed instanceof String path ? path : request.getRequestURI(), response, status, detail);
  }

  void write(String path, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(instance(path));
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  /**
   * The request's path as the problem's instance, when it is a valid URI reference; a rejected path
   * often is not.
   */
  static URI instance(String requestUri) {
    try {
      return requestUri == null ? null : URI.create(requestUri);
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  private static String printable(String text) {
    String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
    return shown.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? shown : "of this request";
  }
}
