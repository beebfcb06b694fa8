package com.ingrammicro.masterpayer.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@link Api}'s calls against a {@code @WebMvcTest} slice: the same callers, and the same {@link
 * Api.Response}, so a check reads alike in a slice and end to end. The demo resellers ({@code
 * "acme"}, {@code "globex"}) send bearer tokens signed with the slices' key ({@link TestTokens});
 * staff ({@code "sales"}, demo password = user id, or {@code "sales:secret"}) real HTTP Basic
 * headers; null sends nothing.
 */
public final class SliceApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> RESELLERS = Map.of("acme", "ACME", "globex", "GLOBEX");
  private static final TestTokens TOKENS = new TestTokens(TestTokens.SLICE_KEY);

  private final MockMvc mvc;

  public SliceApi(MockMvc mvc) {
    this.mvc = mvc;
  }

  public Api.Response get(String user, String path) {
    return send(MockMvcRequestBuilders.get(path), user);
  }

  public Api.Response postJson(String user, String path, Object body) {
    return postJson(user, path, body, Map.of());
  }

  public Api.Response postJson(String user, String path, Object body, Map<String, String> headers) {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.post(path)
            .contentType("application/json")
            .content(body instanceof String text ? text : write(body));
    headers.forEach(request::header);
    return send(request, user);
  }

  public Api.Response post(String user, String path, String contentType, byte[] body) {
    return send(MockMvcRequestBuilders.post(path).contentType(contentType).content(body), user);
  }

  public Api.Response put(String user, String path, String contentType, byte[] body) {
    return send(MockMvcRequestBuilders.put(path).contentType(contentType).content(body), user);
  }

  /** Any method, with a JSON body or none. */
  public Api.Response send(String user, String method, String path, String json) {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path);
    if (json != null) {
      request.contentType("application/json").content(json);
    }
    return send(request, user);
  }

  private Api.Response send(MockHttpServletRequestBuilder request, String user) {
    if (user != null && RESELLERS.containsKey(user)) {
      request.header(
          "Authorization",
          "Bearer "
              + TOKENS.sign(
                  TestTokens.claims(user, RESELLERS.get(user), TestTokens.ISSUER).build()));
    } else if (user != null) {
      String credentials = user.contains(":") ? user : user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .getHeaderNames()
          .forEach(name -> headers.put(name, List.copyOf(response.getHeaders(name))));
      return new Api.Response(
          response.getStatus(),
          HttpHeaders.of(headers, (name, value) -> true),
          response.getContentAsByteArray());
    } catch (Exception e) {
      throw new IllegalStateException("The slice failed to answer " + request, e);
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
