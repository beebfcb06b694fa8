package com.ingrammicro.masterpayer.system;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A token request whose client authentication fails is logged and answered only after a delay:
 * guessing a secret becomes slow, while the client itself is never locked out, so the right secret
 * works at once, whoever sent wrong ones before. (Secrets the application generates are 256 random
 * bits; the delay is for the demo secrets and for noise in the logs.)
 */
final class SlowedClientAuthenticationFailure implements AuthenticationFailureHandler {

  private static final Logger log =
      LoggerFactory.getLogger(SlowedClientAuthenticationFailure.class);

  private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();
  private final Duration delay;

  SlowedClientAuthenticationFailure(Duration delay) {
    this.delay = delay;
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, ServletException {
    log.warn(
        "Client authentication failed at {} for client {} from {}: {}",
        request.getRequestURI(),
        clientId(request),
        request.getRemoteAddr(),
        exception.getMessage());
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    // 401 with the scheme the client should use (RFC 6749 §5.2), where Spring's handler says 400
    OAuth2Error error =
        exception instanceof OAuth2AuthenticationException oauth2
            ? oauth2.getError()
            : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + ProblemResponses.REALM + "\"");
    ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
    answer.setStatusCode(
        OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
            ? HttpStatus.UNAUTHORIZED
            : HttpStatus.BAD_REQUEST);
    errors.write(error, null, answer);
  }

  /** The client id the request claims (HTTP Basic), made safe for a log line. */
  static String clientId(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    String claimed = request.getParameter("client_id");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        claimed = colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        claimed = "(unreadable Basic header)";
      }
    }
    if (claimed == null) {
      return "(none)";
    }
    String safe = claimed.replaceAll("[^A-Za-z0-9._@()-]", "?");
    return safe.length() > 100 ? safe.substring(0, 100) + "..." : safe;
  }
}
