package com.ingrammicro.masterpayer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP client against the running application, as resellers, staff and scripts call it.
 *
 * <p>A reseller is given by the client id of its API client: {@code "acme"} and {@code "globex"}
 * are the demo clients (secret = client id), others are made known with {@link #client}. Its calls
 * carry a bearer token from the application's token endpoint (client credentials grant), fetched
 * once and again shortly before it expires. Staff are given as {@code "sales"} (demo password =
 * user id) or {@code "sales:secret"}, sent as HTTP Basic; {@code "bearer:<token>"} sends that token
 * as it is; null sends no credentials.
 */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEARER = "bearer:";

  /** A token and when this client stops using it. */
  private record Token(String value, Instant renewAfter) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Map<String, String> clients =
      new ConcurrentHashMap<>(Map.of("acme", "acme", "globex", "globex"));
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** Makes an API client known by its secret: its calls then carry its tokens. */
  public Api client(String clientId, String secret) {
    clients.put(clientId, secret);
    tokens.remove(clientId);
    return this;
  }

  /** The token endpoint's answer to a client credentials request, with the given form fields. */
  public Response requestToken(String clientId, String secret, String form) {
    String credentials = clientId + ":" + secret;
    return send(
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** A fresh token of the client (client credentials grant with its default scopes). */
  public String newToken(String clientId) {
    String secret = clients.get(clientId);
    if (secret == null) {
      throw new IllegalArgumentException("Unknown API client " + clientId);
    }
    Response answer = requestToken(clientId, secret, "grant_type=client_credentials");
    if (answer.status() != 200) {
      throw new IllegalStateException("No token for " + clientId + ": " + answer);
    }
    return answer.json().path("access_token").asText();
  }

  /** The client's current token, fetched when it has none or its token is about to expire. */
  public String token(String clientId) {
    Token token = tokens.get(clientId);
    if (token == null || Instant.now().isAfter(token.renewAfter())) {
      token = new Token(newToken(clientId), Instant.now().plusSeconds(60));
      tokens.put(clientId, token);
    }
    return token.value();
  }

  public record Response(int status, HttpHeaders headers, byte[] body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  public Response get(String user, String path) {
    return send(request(user, path).GET());
  }

  public Response postJson(String user, String path, Object body) {
    return postJson(user, path, body, Map.of());
  }

  public Response postJson(String user, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(user, path)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String text ? text : write(body)));
    headers.forEach(request::header);
    return send(request);
  }

  public Response post(String user, String path, String contentType, byte[] body) {
    return send(
        request(user, path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response put(String user, String path, String contentType, byte[] body) {
    return send(
        request(user, path)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response putJson(String user, String path, Object body) {
    return send(
        request(user, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  public Response delete(String user, String path) {
    return send(request(user, path).DELETE());
  }

  /** Any method, with a JSON body or none. */
  public Response send(String user, String method, String path, String json) {
    return send(method, request(user, path), json);
  }

  /**
   * Any method, with the given headers (cookies, CSRF token) and a JSON body or none, without
   * credentials.
   */
  public Response send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request = request(null, path);
    headers.forEach(request::header);
    return send(method, request, json);
  }

  private Response send(String method, HttpRequest.Builder request, String json) {
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(request);
  }

  public Response postForm(String path, String form, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(null, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return send(request);
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null && user.startsWith(BEARER)) {
      request.header("Authorization", "Bearer " + user.substring(BEARER.length()));
    } else if (user != null && clients.containsKey(user)) {
      request.header("Authorization", "Bearer " + token(user));
    } else if (user != null) {
      String credentials = user.contains(":") ? user : user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
