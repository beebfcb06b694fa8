package com.ingrammicro.masterpayer.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser's session with Camunda's webapps: the session and CSRF cookies, the CSRF header, and a
 * login through the webapps' login form. A failed login leaves a session that is not logged in.
 */
public final class WebappSession {

  private final Api api;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private Api.Response loginResponse;

  private WebappSession(Api api) {
    this.api = api;
  }

  /**
   * Opens Tasklist's page for the cookies, then logs in at {@code loginPath} with {@code "user"}
   * (password = user id), {@code "user:password"}, or null (an empty login form).
   */
  public static WebappSession login(Api api, String loginPath, String credentials) {
    WebappSession session = new WebappSession(api);
    session.remember(api.get(null, "/camunda/app/tasklist/default/"));
    String user =
        credentials == null
            ? ""
            : credentials.contains(":")
                ? credentials.substring(0, credentials.indexOf(':'))
                : credentials;
    String password =
        credentials == null
            ? ""
            : credentials.contains(":")
                ? credentials.substring(credentials.indexOf(':') + 1)
                : credentials;
    Api.Response login =
        api.postForm(
            loginPath,
            "username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8),
            session.headers());
    session.remember(login);
    session.loginResponse = login;
    return session;
  }

  public Api.Response response() {
    return loginResponse;
  }

  public Api.Response send(String method, String path, String json) {
    Api.Response response = api.send(method, path, json, headers());
    remember(response);
    return response;
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!cookies.isEmpty()) {
      headers.put(
          "Cookie",
          String.join(
              "; ",
              cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return headers;
  }

  private void remember(Api.Response response) {
    response
        .headers()
        .allValues("Set-Cookie")
        .forEach(
            cookie -> {
              String pair =
                  cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
              cookies.put(
                  pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            });
  }
}
