package com.ingrammicro.masterpayer.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses malformed requests before anything parses them, with a problem detail. Spring Security's
 * firewall runs too late for some: Spring's request-path parsing, which runs first, throws on a
 * path such as {@code /engine-rest;x/task} or {@code //engine-rest/task} that Tomcat maps to the
 * engine-rest servlet, and that became a 500. The same {@link StrictHttpFirewall} rules therefore
 * run here first. A {@code Content-Type} that is no concrete media type ({@code application/*}) is
 * refused with 415 here too: Spring MVC and Jersey fail on it deep inside with a 500; a malformed
 * {@code Accept} with 400, because Spring then cannot write any answer, not even its refusal; and a
 * header the firewall does not allow (a control character in its value) with 400 here, before
 * Spring MVC reads it along with a request body.
 */
class EarlyFirewallFilter extends OncePerRequestFilter {

  /** StrictHttpFirewall's default methods: TRACE, CONNECT and made-up methods are refused. */
  static final List<String> ALLOWED_METHODS =
      List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final StrictHttpFirewall firewall = new StrictHttpFirewall();
  private final ProblemResponses problems;

  EarlyFirewallFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      checkHeaders(firewall.getFirewalledRequest(request));
    } catch (RequestRejectedException rejected) {
      problems.handle(request, response, rejected);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && !concrete(contentType)) {
      problems.write(
          request,
          response,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "The Content-Type must be one concrete media type, such as application/json.");
      return;
    }
    if (!readable(request.getHeaders(HttpHeaders.ACCEPT))) {
      problems.write(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "The Accept header is malformed; send media types such as application/json.");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The firewall checks header names and values only as they are read; Spring MVC reads them all
   * while it reads a request body, where a refusal would be a 500. So they are all read here.
   */
  private static void checkHeaders(HttpServletRequest firewalled) {
    Enumeration<String> names = firewalled.getHeaderNames();
    while (names.hasMoreElements()) {
      Enumeration<String> values = firewalled.getHeaders(names.nextElement());
      while (values.hasMoreElements()) {
        values.nextElement();
      }
    }
  }

  /**
   * An Accept header Spring cannot parse leaves it unable to write any answer, not even the
   * refusal.
   */
  private static boolean readable(Enumeration<String> accept) {
    try {
      while (accept.hasMoreElements()) {
        MediaType.parseMediaTypes(accept.nextElement());
      }
      return true;
    } catch (InvalidMediaTypeException malformed) {
      return false;
    }
  }

  private static boolean concrete(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException malformed) {
      return false;
    }
  }
}
