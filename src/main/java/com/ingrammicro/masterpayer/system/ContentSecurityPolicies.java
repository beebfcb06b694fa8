package com.ingrammicro.masterpayer.system;

import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The Content-Security-Policy of the pages this application serves itself. Scripts only from this
 * origin and never inline, nothing framed, nothing sent elsewhere. Inline styles are allowed: the
 * audit page shows the server's BPMN diagram as inline SVG with its own {@code <style>} and style
 * attributes, and Swagger UI sets style attributes from script; neither can run code through a
 * style. Checked in headless Chromium: without {@code 'unsafe-inline'} both pages log style
 * violations, and Swagger UI its icons without {@code data:}; with these policies, neither logs
 * any.
 */
final class ContentSecurityPolicies {

  static final String HEADER = "Content-Security-Policy";

  /** The audit page: its own script, stylesheet and the audit API. */
  static final String AUDIT_PAGE =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  /**
   * Swagger UI: its bundled scripts and styles, icons as data: URIs, "try it out" against this
   * origin.
   */
  static final String SWAGGER_UI =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
          + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
          + "frame-ancestors 'none'";

  /**
   * The sign-in pages ({@link StaffPages}): their own inline style, nothing else. The sign-out form
   * may lead on to the company's identity provider (RP-initiated logout), so {@code form-action} is
   * limited on the login form only ({@link #LOGIN_FORM}).
   */
  static final String STAFF_PAGES =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

  /** The embedded provider's login form posts the password to this origin only. */
  static final String LOGIN_FORM = STAFF_PAGES + "; form-action 'self'";

  /** The OpenAPI document is data, never a page. */
  static final String API_DOCUMENT = "default-src 'none'; frame-ancestors 'none'; sandbox";

  private ContentSecurityPolicies() {}

  /**
   * The staff web's pages that are not Camunda's ({@code ours}): Spring Security's default headers,
   * and the audit page's policy on the audit page. The sign-in pages set their own policy ({@link
   * StaffPages}); Camunda's webapps write their own headers.
   */
  static HeaderWriter staffWeb(RequestMatcher ours) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<HeaderWriter> defaults =
        List.of(
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new CacheControlHeadersWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new DelegatingRequestMatcherHeaderWriter(
                new OrRequestMatcher(paths.matcher("/audit"), paths.matcher("/audit/**")),
                new StaticHeadersWriter(HEADER, AUDIT_PAGE)));
    return new DelegatingRequestMatcherHeaderWriter(
        ours,
        (request, response) -> defaults.forEach(writer -> writer.writeHeaders(request, response)));
  }

  /**
   * Swagger UI's policy on its pages, the document's on {@code /v3/api-docs}; nothing on the API's
   * own answers.
   */
  static HeaderWriter apiDocs() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    HeaderWriter ui =
        new DelegatingRequestMatcherHeaderWriter(
            new OrRequestMatcher(
                paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html")),
            new StaticHeadersWriter(HEADER, SWAGGER_UI));
    HeaderWriter document =
        new DelegatingRequestMatcherHeaderWriter(
            paths.matcher("/v3/api-docs/**"), new StaticHeadersWriter(HEADER, API_DOCUMENT));
    return (request, response) -> {
      ui.writeHeaders(request, response);
      document.writeHeaders(request, response);
    };
  }
}
