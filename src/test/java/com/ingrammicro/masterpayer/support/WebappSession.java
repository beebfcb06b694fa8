package com.ingrammicro.masterpayer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the staff web (Camunda's webapps, the audit page), signed in as staff
 * sign in: by single sign-on at the embedded OpenID provider. A real cookie-keeping HTTP client
 * follows the redirect chain a browser follows (the webapp → {@code /oauth2/authorization/staff} →
 * {@code /oauth2/authorize} → the provider's {@code /login} page → its form, posted with the CSRF
 * token → {@code /oauth2/authorize} → {@code /login/oauth2/code/staff} → the webapp) and keeps
 * every hop. It talks to the application at the issuer's address ({@code http://localhost:<port>},
 * as a browser does: the provider's redirect URI names it). A refused sign-in leaves a session that
 * is not signed in.
 */
public final class WebappSession {

  private static final Pattern APP = Pattern.compile("/login/([a-z]+)/?$");
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"");
  private static final int MAX_HOPS = 12;

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final List<String> hops = new ArrayList<>();
  private Api.Response page;
  private Api.Response loginResponse;

  private WebappSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Opens the webapp that {@code loginPath} names (Camunda's login path for an app, {@code
   * /camunda/api/admin/auth/user/default/login/tasklist}, or any page such as {@code /audit/}) and
   * signs in through single sign-on with {@code "user"} (password = user id), {@code
   * "user:password"}, or null (no sign-in at all). {@link #response()} then is the webapps' own
   * answer to who is signed in.
   */
  public static WebappSession login(Api api, String loginPath, String credentials) {
    WebappSession session = new WebappSession(issuerAddress(api));
    Matcher app = APP.matcher(loginPath);
    String start = app.find() ? "/camunda/app/" + app.group(1) + "/default/" : loginPath;
    session.signIn(start, credentials);
    return session;
  }

  /** The same, starting at Tasklist. */
  public static WebappSession login(Api api, String credentials) {
    return login(api, "/camunda/app/tasklist/default/", credentials);
  }

  /**
   * A browser's session without any sign-in: cookies, and the redirects of single sign-on when a
   * page is opened.
   */
  public static WebappSession anonymous(Api api) {
    return new WebappSession(issuerAddress(api));
  }

  /**
   * The webapps' answer to {@code GET /camunda/api/admin/auth/user/default} after the sign-in:
   * {@code 200} with the user id, groups and authorized apps of the webapps' login; {@code 401}
   * when nobody is signed in.
   */
  public Api.Response response() {
    return loginResponse;
  }

  /**
   * The page the sign-in ended on: the webapp's own ({@code 200}, or {@code 403} when it is not the
   * user's), or the provider's login page again when it refused the user.
   */
  public Api.Response page() {
    return page;
  }

  /** Every request of the sign-in, in order: {@code METHOD path -> status}. */
  public List<String> hops() {
    return List.copyOf(hops);
  }

  /**
   * One call with the session's cookies and the webapps' CSRF token, as Tasklist's scripts send it;
   * no redirect is followed.
   */
  public Api.Response send(String method, String path, String json) {
    return send(method, path, json, Map.of());
  }

  /** The same, with headers of the caller's own (which replace the session's). */
  public Api.Response send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    csrfToken().ifPresent(token -> request.setHeader("X-XSRF-TOKEN", token));
    headers.forEach(request::setHeader);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return exchange(request);
  }

  /** A form post with the session's cookies (and the webapps' CSRF token); no redirect followed. */
  public Api.Response postForm(String path, String form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    csrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
    return exchange(request);
  }

  /**
   * Opens a page as a browser does, following every redirect (single sign-on's included, without
   * signing in anywhere); the page it ends on.
   */
  public Api.Response open(String path) {
    return follow(get(base + path));
  }

  /** The provider's login form's CSRF token on a page, for a test that posts the form itself. */
  public static Optional<String> formCsrfToken(Api.Response page) {
    Matcher token = CSRF.matcher(page.text());
    return token.find()
        ? Optional.of(token.group(1) != null ? token.group(1) : token.group(2))
        : Optional.empty();
  }

  /** The address the session talks to, {@code http://localhost:<port>}. */
  public String base() {
    return base;
  }

  private void signIn(String start, String credentials) {
    Api.Response current = follow(get(base + start));
    if (credentials != null && isProviderLogin(current)) {
      String user = credentials.contains(":") ? credentials.split(":", 2)[0] : credentials;
      String password = credentials.contains(":") ? credentials.split(":", 2)[1] : credentials;
      String csrf =
          formCsrfToken(current)
              .orElseThrow(() -> new IllegalStateException("No CSRF token on the login page"));
      current =
          follow(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username="
                              + encode(user)
                              + "&password="
                              + encode(password)
                              + "&_csrf="
                              + encode(csrf))));
    }
    page = current;
    loginResponse = send("GET", "/camunda/api/admin/auth/user/default", null);
  }

  private static boolean isProviderLogin(Api.Response response) {
    return response.status() == 200 && formCsrfToken(response).isPresent();
  }

  private Api.Response follow(HttpRequest.Builder first) {
    Api.Response response = exchange(first);
    for (int hop = 0; hop < MAX_HOPS && isRedirect(response); hop++) {
      String location = response.header("Location");
      URI next = URI.create(base + "/").resolve(location);
      if (!next.toString().startsWith(base + "/")) {
        throw new IllegalStateException("Single sign-on left the application: " + next);
      }
      response = exchange(get(next.toString()));
    }
    return response;
  }

  private static HttpRequest.Builder get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET();
  }

  private Api.Response exchange(HttpRequest.Builder request) {
    try {
      HttpRequest built = request.build();
      HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
      hops.add(built.method() + " " + pathOf(built.uri()) + " -> " + response.statusCode());
      return new Api.Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Optional<String> csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private static boolean isRedirect(Api.Response response) {
    return response.status() >= 300
        && response.status() < 400
        && response.header("Location") != null;
  }

  private static String pathOf(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The issuer's address, where browsers reach the application: the port of the sign-in redirect
   * that the webapps send a browser that is not signed in, and the issuer's default host, {@code
   * localhost}.
   */
  private static String issuerAddress(Api api) {
    Api.Response redirect = api.get(null, "/camunda/app/welcome/default/");
    String location = redirect.header("Location");
    if (location == null) {
      throw new IllegalStateException("The webapps did not send a browser to sign in: " + redirect);
    }
    URI signIn = URI.create(location);
    return "http://localhost:" + signIn.getPort();
  }

  /** For a failing assertion's message. */
  @Override
  public String toString() {
    return String.join("\n", hops);
  }
}
