package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.RawHttp;
import com.ingrammicro.masterpayer.support.RawHttp.Header;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * A seeded generator of bad requests for the operations of {@code /v3/api-docs}: wrong methods and
 * identities, wrong types, huge and control-character strings, bad headers and content types, odd
 * paths and bodies. The same seed and try give the same requests, so a failure can be reproduced.
 */
final class BadRequests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> METHODS =
      List.of("TRACE", "FOO", "PATCH", "DELETE", "OPTIONS", "PUT", "POST", "GET");
  // a wrong password only for a user that does not exist: Camunda locks real users out after a few
  private static final List<String> IDENTITIES =
      List.of("acme", "globex", "sales", "finance", "auditor", "admin", "mallory:guess", "");
  private static final List<String> ODDITIES =
      List.of(";x", "//", "/%2e%2e", "/%00", "/%FF", "/%2F", "/", "/./", "%5C", "/%252e%252e");
  private static final List<String> ACCEPTS =
      List.of(
          "",
          "image/png",
          "application/xml",
          "text/html",
          ";;;",
          "*/*;q=x",
          "application/problem+json",
          "text/csv");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/*",
          "*/*",
          "text/plain",
          "garbage",
          "multipart/form-data",
          "application/json; charset=nope",
          "application/pdf",
          "");
  private static final List<String> AUTHORIZATIONS =
      List.of("Basic !!!", "Basic " + "QQ==", "Bearer x.y.z", "Digest x");
  private static final List<String> DATE_TIMES =
      List.of("2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "yesterday");
  private static final List<String> STRING_VALUES =
      List.of("IN_PROGRESS", "REVIEW", "ACME", "123456789012", "createdAt,desc", "");
  private static final List<String> TEXT_BODIES =
      List.of(
          "",
          "[]",
          "123",
          "\"text\"",
          "null",
          "{",
          "{\"payerAccountId\":",
          "[[[[[[",
          "{}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
          "%PDF-1.7 not really",
          "%PDF-");
  private static final List<String> FIELDS =
      List.of("payerAccountId", "reason", "contactEmail", "newResponsibleParty", "kind");
  private static final List<String> FIELD_VALUES =
      List.of(
          "123",
          "true",
          "[]",
          "{}",
          "null",
          "\"" + "x".repeat(100_000) + "\"",
          "\"\\u0000\\u0007\"",
          "1e400",
          "-1");
  private static final List<String> BAD_STRINGS =
      List.of(
          "abc",
          "-1",
          "0",
          "99999999999999999999",
          "1e309",
          "NaN",
          "true",
          "null",
          "../../etc/passwd",
          "%",
          "%zz",
          "<script>alert(1)</script>",
          "' OR 1=1 --",
          "${jndi:ldap://x}",
          "\u202e",
          "a b",
          " ");
  private static final List<String> HEADER_VALUES =
      List.of(
          "clé-é",
          "\u00ff\u00fe",
          "日本語",
          "key with spaces",
          "a".repeat(300),
          "\t",
          "x\u0001y",
          "\u007f");
  private static final List<Integer> INT_EDGES =
      List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE);
  // the same payer in every run, so that a run's requests depend on the seed alone
  private static final Map<String, Object> VALID = TestRequests.offboarding("100000000001");
  private static final byte[] VALID_JSON = json(VALID);

  record Operation(String method, String path, List<Parameter> parameters) {}

  record Parameter(String in, String name, String type, String format) {}

  record BadRequest(String method, String target, List<Header> headers, byte[] body) {
    @Override
    public String toString() {
      return method
          + " "
          + abbreviate(target, 2000)
          + " "
          + headers.stream().map(h -> h.name() + ": " + abbreviate(h.value(), 200)).toList()
          + (body == null
              ? " (no body)"
              : " body "
                  + abbreviate(new String(body, StandardCharsets.UTF_8), 200)
                  + " ("
                  + body.length
                  + " bytes)");
    }
  }

  private final SplittableRandom random;
  private final String existingOffboarding;

  /** The requests of one try: a seed and a try number give the same requests every time. */
  BadRequests(long seed, int attempt, String existingOffboarding) {
    this.random = new SplittableRandom(seed + attempt);
    this.existingOffboarding = existingOffboarding;
  }

  BadRequest next(Operation operation) {
    String method = random.nextInt(9) < 8 ? operation.method() : pick(METHODS);
    String user = pick(IDENTITIES);
    String path = path(operation);
    String query = query(operation);
    int oddity = random.nextInt(20);
    String odd = oddity < 10 ? "" : ODDITIES.get(oddity - 10);
    List<Header> headers = new ArrayList<>();
    if (!user.isEmpty()) {
      headers.add(RawHttp.basic(user));
    }
    headers.addAll(headers(operation));
    byte[] body = body();
    String target = odd.equals("//") ? "/" + path : path + odd;
    boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return new BadRequest(method, target + query, headers, withBody ? body : null);
  }

  private String path(Operation operation) {
    if (!operation.path().contains("{")) {
      return operation.path();
    }
    int which = random.nextInt(9);
    String id =
        which < 3
            ? existingOffboarding
            : which < 5
                ? new UUID(random.nextLong(), random.nextLong()).toString()
                : encode(badString());
    return operation.path().replaceAll("\\{[^}]+}", Matcher.quoteReplacement(id));
  }

  private String query(Operation operation) {
    List<Parameter> declared =
        operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
    List<String> pairs = new ArrayList<>();
    if (!declared.isEmpty()) {
      for (int i = random.nextInt(5); i > 0; i--) {
        Parameter parameter = pick(declared);
        pairs.add(parameter.name() + "=" + encode(value(parameter)));
      }
    }
    int which = random.nextInt(7);
    String unknown =
        which < 4
            ? ""
            : which == 4
                ? "unknown=" + encode(badString())
                : which == 5 ? "page=1&page=2&size=" : "%zz=%";
    if (!unknown.isEmpty()) {
      pairs.add(unknown);
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private String value(Parameter parameter) {
    if (random.nextBoolean()) {
      return badString();
    }
    return switch (parameter.type() + "/" + parameter.format()) {
      case "integer/int32" ->
          Integer.toString(random.nextInt(4) == 0 ? pick(INT_EDGES) : random.nextInt());
      case "string/date-time" -> pick(DATE_TIMES);
      default -> pick(STRING_VALUES);
    };
  }

  private List<Header> headers(Operation operation) {
    List<Header> all = new ArrayList<>();
    String accept = pick(ACCEPTS);
    if (!accept.isEmpty()) {
      all.add(new Header("Accept", accept));
    }
    String natural =
        operation.path().endsWith("/cta/signed") ? "application/pdf" : "application/json";
    int contentType = random.nextInt(CONTENT_TYPES.size() + 3);
    String type = contentType < 3 ? natural : CONTENT_TYPES.get(contentType - 3);
    if (!type.isEmpty()) {
      all.add(new Header("Content-Type", type));
    }
    if (operation.parameters().stream().anyMatch(p -> p.in().equals("header"))
        && random.nextBoolean()) {
      all.add(new Header("Idempotency-Key", headerValue()));
    }
    switch (random.nextInt(9)) {
      case 6 -> all.add(new Header("X-Anything", headerValue()));
      case 7 -> all.add(new Header("X-Padding", "p".repeat(10 * 1024)));
      case 8 -> all.add(new Header("Authorization", pick(AUTHORIZATIONS)));
      default -> {}
    }
    return all;
  }

  private byte[] body() {
    int which = random.nextInt(6);
    if (which == 5) {
      return VALID_JSON;
    }
    if (which == 4) {
      byte[] bytes = new byte[random.nextInt(2049)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) random.nextInt(256);
      }
      return bytes;
    }
    String text =
        switch (random.nextInt(3)) {
          case 0 -> pick(TEXT_BODIES);
          case 1 -> withField(pick(FIELDS), pick(FIELD_VALUES));
          default -> "{\"reason\":" + quote(badString()) + "}";
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Strings of the wrong type, huge, or with control characters and characters outside ASCII. */
  private String badString() {
    return switch (random.nextInt(5)) {
      case 0 -> pick(BAD_STRINGS);
      case 1 -> chars('\u0000', '\u001f', 1, 8);
      case 2 -> chars('\u0080', '\uffff', 1, 12);
      case 3 -> chars('\u0000', '\uffff', 0, 30);
      default -> "x".repeat(random.nextInt(1_000, 20_001));
    };
  }

  /** Header values a client could put on the wire: no CR or LF, but anything else. */
  private String headerValue() {
    return random.nextBoolean() ? pick(HEADER_VALUES) : chars('\u0020', '\u00ff', 1, 64);
  }

  private String chars(char from, char to, int minLength, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(minLength, maxLength + 1); i > 0; i--) {
      text.append((char) random.nextInt(from, to + 1));
    }
    return text.toString();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String value) {
    return new String(json(value), StandardCharsets.UTF_8);
  }

  private static String withField(String field, String rawJsonValue) {
    String body = new String(VALID_JSON, StandardCharsets.UTF_8);
    Object current = VALID.get(field);
    String currentJson = current == null ? null : new String(json(current), StandardCharsets.UTF_8);
    return currentJson == null
        ? body
        : body.replace("\"" + field + "\":" + currentJson, "\"" + field + "\":" + rawJsonValue);
  }

  /**
   * Long text cut, with its length; characters outside printable ASCII escaped, so a message shows
   * them.
   */
  private static String abbreviate(String text, int max) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(text.length(), max); i++) {
      char c = text.charAt(i);
      shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return text.length() > max ? shown + "...(" + text.length() + " chars)" : shown.toString();
  }
}
