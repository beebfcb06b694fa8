package com.ingrammicro.masterpayer.system;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The few pages of staff sign-in that the application draws itself: the embedded provider's login
 * form, sign-out, and the refusals a browser gets (sign-in failed, signed in but not allowed).
 * Plain HTML with the product's name, no script; every value is escaped.
 */
final class StaffPages {

  static final String PRODUCT = "Master Payer Offboarding";

  private static final String STYLE =
      """
      body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f5f8;color:#1f2933}
      header{background:#002d5c;color:#fff;padding:14px 24px;font-size:18px;font-weight:600}
      header span{font-weight:400;opacity:.8;margin-left:8px;font-size:14px}
      main{max-width:380px;margin:56px auto;background:#fff;border-radius:6px;padding:28px 32px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
      h1{font-size:20px;margin:0 0 18px}
      label{display:block;font-size:14px;margin:14px 0 4px}
      input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px 10px;font-size:15px;border:1px solid #9aa5b1;border-radius:4px}
      button{margin-top:22px;width:100%;padding:10px;font-size:15px;background:#005fb8;color:#fff;border:0;border-radius:4px;cursor:pointer}
      p{font-size:14px;line-height:1.5}
      .error{background:#fdecea;color:#8a1c12;border-radius:4px;padding:10px 12px}
      a{color:#005fb8}
      """;

  private StaffPages() {}

  /** The embedded provider's login form; {@code refused} after a failed attempt. */
  static String login(CsrfToken csrf, boolean refused) {
    String error =
        refused
            ? "<p class=\"error\" role=\"alert\">Sign-in refused: unknown user or wrong password, or"
                + " not a staff account. Resellers use the offboarding API with their OAuth2"
                + " client, not this page.</p>"
            : "";
    return page(
        "Sign in",
        error
            + "<form method=\"post\" action=\""
            + StaffLogin.LOGIN_PAGE
            + "\">"
            + "<label for=\"username\">User name</label>"
            + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\""
            + " autofocus required>"
            + "<label for=\"password\">Password</label>"
            + "<input type=\"password\" id=\"password\" name=\"password\""
            + " autocomplete=\"current-password\" required>"
            + hidden(csrf)
            + "<button type=\"submit\">Sign in</button></form>");
  }

  /** Sign-out: a button while signed in, else that nobody is signed in. */
  static String logout(CsrfToken csrf, String signedIn) {
    if (signedIn == null) {
      return page(
          "Signed out",
          "<p>You are signed out of "
              + PRODUCT
              + ".</p><p><a href=\"/camunda/app/\">Sign in again</a></p>");
    }
    return page(
        "Sign out",
        "<p>Signed in as <strong>"
            + escape(signedIn)
            + "</strong>.</p><form method=\"post\" action=\""
            + StaffLogin.LOGOUT
            + "\">"
            + hidden(csrf)
            + "<button type=\"submit\">Sign out</button></form>");
  }

  /** Single sign-on did not complete: the provider refused, or its answer did not check out. */
  static String signInFailed(String errorCode) {
    return page(
        "Sign-in failed",
        "<p class=\"error\" role=\"alert\">Single sign-on did not complete ("
            + escape(errorCode)
            + ").</p><p><a href=\"/camunda/app/\">Try again</a> or ask an administrator; the"
            + " application's log says more.</p>");
  }

  /** Signed in, but not allowed here. */
  static String refused(String userId, String reason) {
    return page(
        "Not allowed",
        "<p class=\"error\" role=\"alert\">Signed in as <strong>"
            + escape(userId)
            + "</strong>: "
            + escape(reason)
            + "</p><p><a href=\""
            + StaffLogin.LOGOUT
            + "\">Sign out</a></p>");
  }

  static void write(HttpServletResponse response, int status, String html) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(ContentSecurityPolicies.HEADER, ContentSecurityPolicies.STAFF_PAGES);
    response.getWriter().write(html);
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + " – "
        + PRODUCT
        + "</title><style>"
        + STYLE
        + "</style></head><body><header>"
        + PRODUCT
        + "<span>Ingram Micro</span></header><main><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</main></body></html>";
  }

  private static String hidden(CsrfToken csrf) {
    return csrf == null
        ? ""
        : "<input type=\"hidden\" name=\""
            + escape(csrf.getParameterName())
            + "\" value=\""
            + escape(csrf.getToken())
            + "\">";
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, StandardCharsets.UTF_8.name());
  }
}
