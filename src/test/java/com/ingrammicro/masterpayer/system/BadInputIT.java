package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.RawHttp;
import com.ingrammicro.masterpayer.support.RawHttp.Answer;
import com.ingrammicro.masterpayer.support.RawHttp.Header;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.WebappSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;

/**
 * Bad input never gets a 5xx, and every refusal on {@code /api/**} is an RFC 9457 problem detail:
 * whatever layer refuses (Tomcat, the firewall, Spring Security, Spring MVC, the engine's REST layers).
 * The examples are the findings of issue 11; the property generates requests for every operation of
 * {@code /v3/api-docs} (wrong types, huge and control-character strings, bad headers and content
 * types, odd paths and methods) with a fixed seed, so CI runs the same requests every time.
 * Runs on H2 only: the answers do not depend on the database.
 */
class BadInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final AtomicInteger GENERATED = new AtomicInteger();
  /** A second member of iaas-sales, who may claim a task that sales has already claimed, and is refused. */
  private static final String SECOND_SALES = "sales2";

  private static ApiUnderTest app;
  private static RawHttp http;
  private static Api api;
  private static Journeys journeys;
  private static List<Operation> operations;
  private static String acmesOffboarding;

  record Operation(String method, String path, List<Parameter> parameters) {}

  record Parameter(String in, String name, String type, String format) {}

  record BadRequest(String method, String target, List<Header> headers, byte[] body) {
    @Override
    public String toString() {
      return method + " " + (target.length() > 200 ? target.substring(0, 200) + "..." : target) + " "
          + headers.stream().map(h -> h.name() + ": " + abbreviate(h.value())).toList()
          + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8)));
    }
  }

  @BeforeContainer
  static void start() throws IOException {
    app = new ApiUnderTest("bad-input-it");
    http = new RawHttp(app.port());
    api = new Api(app.port());
    journeys = new Journeys(api, app.bean(RuntimeService.class), app.bean(ManagementService.class));
    operations = operations(api.get("admin", "/v3/api-docs").json());
    acmesOffboarding = journeys.start("acme", TestRequests.randomPayer());
    IdentityService identities = app.bean(IdentityService.class);
    if (identities.createUserQuery().userId(SECOND_SALES).count() == 0) {
      User second = identities.newUser(SECOND_SALES);
      second.setPassword(SECOND_SALES);
      identities.saveUser(second);
      identities.createMembership(SECOND_SALES, Role.IAAS_SALES.groupId());
    }
  }

  @AfterContainer
  static void stop() {
    System.out.println("BadInputIT sent " + GENERATED.get() + " generated requests for " + operations.size()
        + " operations of /v3/api-docs, and " + REQUESTS.get() + " in its examples");
    app.close();
  }

  // --- what Tomcat and the firewall refuse before the application -------------------------------

  @Example
  void whatTomcatRefusesBeforeAnyFilterIsAProblemDetail() {
    String offboardings = "/api/offboardings/";
    for (String path : List.of(offboardings + "%00", offboardings + "a%2Fb", offboardings + "%FF")) {
      assertProblem(send("GET", path, List.of(RawHttp.basic("acme"))), 400);
    }
    assertProblem(send("GET", "/api/offboardings", List.of(RawHttp.basic("acme"), new Header("X-Padding", "a".repeat(9 * 1024)))), 400);
  }

  @Example
  void whatTheFirewallRefusesIsAProblemDetail() {
    for (String path : List.of("/api/offboardings;x", "//api/offboardings", "/api/%2e%2e/offboardings",
        "/api/./offboardings", "/api/offboardings/%252e%252e")) {
      assertProblem(send("GET", path, List.of(RawHttp.basic("acme"))), 400);
    }
    for (String method : List.of("TRACE", "FOO", "CONNECT")) {
      assertProblem(send(method, "/api/offboardings", List.of(RawHttp.basic("acme"))), 405);
    }
  }

  @Example
  void oddPathsToTheEngineAreRefusedNotFailed() {
    for (String path : List.of("/engine-rest;x/task", "//engine-rest/task", "/camunda/..;/engine-rest/task",
        "/camunda/api/engine/engine/default;x/task", "/engine-rest/%2e%2e/task")) {
      Answer answer = send("GET", path, List.of(RawHttp.basic("sales")));
      assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(400);
    }
  }

  @Example
  void badHeadersAndContentTypesAreRefusedWithAProblemDetail() {
    byte[] body = json(TestRequests.offboarding(TestRequests.randomPayer()));
    assertProblem(send("POST", "/api/offboardings", List.of(RawHttp.basic("acme"),
        new Header("Content-Type", "application/json"), new Header("Idempotency-Key", "clé-é\u00ff")), body), 400);
    assertProblem(send("POST", "/api/offboardings", List.of(RawHttp.basic("acme"),
        new Header("Content-Type", "application/*")), body), 415);
    assertProblem(send("POST", "/api/offboardings", List.of(RawHttp.basic("acme"),
        new Header("Content-Type", "not a media type")), body), 415);
    assertProblem(send("PUT", "/api/offboardings/" + acmesOffboarding + "/cta/signed", List.of(RawHttp.basic("acme"),
        new Header("Content-Type", "application/pdf"), new Header("Accept", ";;;")), TestPdf.withText("signed")), 400);
    assertProblem(send("GET", "/api/offboardings/%20/cta/signed", List.of(RawHttp.basic("acme"))), 400);
    Answer notAcceptable = send("GET", "/api/offboardings/" + acmesOffboarding,
        List.of(RawHttp.basic("acme"), new Header("Accept", "image/png")));
    assertProblem(notAcceptable, 406);
    Answer pdfNotAcceptable = send("GET", "/api/offboardings/" + acmesOffboarding + "/cta",
        List.of(RawHttp.basic("acme"), new Header("Accept", "text/html")));
    assertThat(pdfNotAcceptable.status()).isLessThan(500);
    assertProblem(pdfNotAcceptable, pdfNotAcceptable.status());
  }

  @Example
  void theErrorPageRequestedDirectlyIsNotFound() {
    assertProblem(send("GET", "/error", List.of()), 404);
    assertProblem(send("POST", "/error", List.of(new Header("Content-Type", "application/json")), "{}".getBytes()), 404);
  }

  // --- Camunda's refusals, on engine-rest and on the webapps' engine API ---------------------------

  @Example
  void camundasRefusalsAre4xxWithTheirMessageOnEngineRest() {
    String task = reviewTaskOf(journeys.start("acme", TestRequests.randomPayer()));
    String processInstance = processInstanceOf(task);
    assertRefusals(BadInputIT::engineRest, task, processInstance);
  }

  @Example
  void camundasRefusalsAre4xxWithTheirMessageOnTheWebappsEngineApi() {
    String task = reviewTaskOf(journeys.start("acme", TestRequests.randomPayer()));
    String processInstance = processInstanceOf(task);
    WebappSession admin = WebappSession.login(api, "/camunda/api/admin/auth/user/default/login/tasklist", "admin");
    assertThat(admin.response().status()).isEqualTo(200);
    // as Tasklist does after its login: a first read, which hands out the new session's CSRF token
    assertThat(admin.send("GET", "/camunda/api/engine/engine/default/task/count", null).status()).isEqualTo(200);
    EngineClient webapp = (method, path, json) -> {
      REQUESTS.incrementAndGet();
      Api.Response response = admin.send(method, "/camunda/api/engine/engine/default" + path, json);
      return new Answer(response.status(), Map.of("content-type", String.valueOf(response.header("Content-Type"))),
          response.body());
    };

    assertRefusals(webapp, task, processInstance);
  }

  private static void assertRefusals(EngineClient engine, String task, String processInstance) {
    String serialized = """
        {"type":"Object","value":"rO0ABXQAAWE=","valueInfo":{"objectTypeName":"java.lang.String",
         "serializationDataFormat":"application/x-java-serialized-object"}}""";
    assertCamundaError(engine.send("DELETE", "/task/" + task, null), 400, "part of a running process");
    assertThat(engine.send("POST", "/task/" + task + "/claim", "{\"userId\":\"sales\"}").status()).isEqualTo(204);
    assertCamundaError(engine.send("POST", "/task/" + task + "/claim", "{\"userId\":\"" + SECOND_SALES + "\"}"), 409,
        "already claimed");
    assertCamundaError(engine.send("POST", "/task/" + UUID.randomUUID() + "/claim", "{\"userId\":\"sales\"}"), 404,
        "Cannot find task");
    assertCamundaError(engine.send("POST", "/process-instance/" + processInstance + "/modification",
        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Nowhere\"},"
            + "{\"type\":\"cancel\",\"activityInstanceId\":\"nowhere:1\"}]}"), 400, "Task_Nowhere");
    assertCamundaError(engine.send("PUT", "/process-instance/" + processInstance + "/variables/payload", serialized),
        400, "Java serialization format is prohibited");
    // (a completion with it is refused before the engine sees it: 'payload' is no outcome of the task)
    assertThat(engine.send("POST", "/task/" + task + "/complete", "{\"variables\":{\"payload\":" + serialized + "}}")
        .status()).isEqualTo(400);
    assertCamundaError(engine.send("PUT", "/job/unknown-job/retries", "{\"retries\":1}"), 404, "No job found");
    assertCamundaError(engine.send("POST", "/authorization/create", "{}"), 400, "required field");
    Answer invalidOutcome = engine.send("POST", "/task/" + task + "/submit-form",
        "{\"variables\":{\"approved\":{\"value\":\"perhaps\"}}}");
    assertCamundaError(invalidOutcome, 400, "approved");
    assertThat(jsonOf(invalidOutcome).path("problems").isArray()).as("the broken rules listed").isTrue();
    assertThat(app.bean(TaskService.class).createTaskQuery().taskId(task).count()).as("the task stays open").isOne();
  }

  // --- uploads --------------------------------------------------------------------------------------

  @Example
  void aSignedCtaWithJavaScriptIsRefusedWith422AndTheReasonAndAPlainOneIsStillTaken() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    assertThat(journeys.submit("sales", reviewTaskOf(id), Map.of("approved", true)).status()).isEqualTo(204);
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));

    Api.Response hostile = api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf",
        TestPdf.withJavaScript("app.launchURL('https://example.invalid')"));

    assertThat(hostile.status()).as(hostile.toString()).isEqualTo(422);
    assertThat(hostile.header("Content-Type")).isEqualTo(PROBLEM);
    assertThat(hostile.json().path("detail").asText()).contains("JavaScript");
    journeys.uploadSignedCta("acme", id, TestPdf.withText("signed"));
  }

  // --- security headers -------------------------------------------------------------------------------

  @Example
  void theAuditPageAndTheApiDocsSendAStrictContentSecurityPolicyTheirPagesCanLiveWith() {
    Api.Response audit = api.get("auditor", "/audit/");
    Api.Response auditScript = api.get("auditor", "/audit/audit.js");
    Api.Response swagger = api.get("admin", "/swagger-ui/index.html");
    Api.Response initializer = api.get("admin", "/swagger-ui/swagger-initializer.js");
    Api.Response document = api.get("admin", "/v3/api-docs");

    for (Api.Response page : List.of(audit, auditScript, swagger, initializer)) {
      assertThat(page.status()).isEqualTo(200);
      String policy = page.header("Content-Security-Policy");
      assertThat(policy).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'",
          "base-uri 'none'");
      assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }
    assertThat(document.header("Content-Security-Policy")).contains("default-src 'none'");
    // script-src 'self' blocks inline scripts and handlers: the pages must have none
    for (Api.Response page : List.of(audit, swagger)) {
      assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page.text()).find())
          .as("an inline script").isFalse();
      assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page.text()).find())
          .as("an inline event handler").isFalse();
      assertThat(page.text()).doesNotContain("javascript:");
    }
    // every script and stylesheet the pages load is on this origin and is served
    for (Api.Response page : List.of(audit, swagger)) {
      String base = page == audit ? "/audit/" : "/swagger-ui/";
      Matcher assets = Pattern.compile("(?:src|href)=\"(?!#|/camunda|/swagger-ui.html|https?:)([^\"]+)\"").matcher(page.text());
      while (assets.find()) {
        String asset = assets.group(1).startsWith("/") ? assets.group(1) : base + assets.group(1).replaceFirst("^\\./", "");
        assertThat(api.get(page == audit ? "auditor" : "admin", asset).status()).as(asset).isEqualTo(200);
      }
    }
  }

  // --- generated bad input --------------------------------------------------------------------------

  @Property(tries = 40, seed = "20261201", shrinking = ShrinkingMode.BOUNDED,
      afterFailure = AfterFailureMode.PREVIOUS_SEED)
  void generatedBadInputForEveryOperationNeverGetsA5xxAndIsRefusedWithProblemDetails(
      @ForAll("oneBadRequestPerOperation") List<BadRequest> requests) {
    for (BadRequest request : requests) {
      Answer answer = http.send(request.method(), request.target(), request.headers(), request.body());
      GENERATED.incrementAndGet();
      assertThat(answer.status()).as(request + " -> " + answer).isLessThan(500);
      if (answer.status() >= 400) {
        assertProblem(answer, answer.status(), request.toString());
      }
    }
  }

  @Provide
  Arbitrary<List<BadRequest>> oneBadRequestPerOperation() {
    List<Arbitrary<BadRequest>> perOperation = operations.stream().map(BadInputIT::badRequests).toList();
    return Combinators.combine(perOperation).as(list -> list);
  }

  private static Arbitrary<BadRequest> badRequests(Operation operation) {
    Arbitrary<String> method = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(operation.method())),
        Tuple.of(1, Arbitraries.of("TRACE", "FOO", "PATCH", "DELETE", "OPTIONS", "PUT", "POST", "GET")));
    // a wrong password only for a user that does not exist: Camunda locks real users out after a few
    Arbitrary<String> identity = Arbitraries.of("acme", "globex", "sales", "finance", "auditor", "admin", "mallory:guess", "");
    Arbitrary<String> path = pathFor(operation);
    Arbitrary<String> query = queryFor(operation);
    Arbitrary<String> oddity = Arbitraries.frequency(
        Tuple.of(10, ""), Tuple.of(1, ";x"), Tuple.of(1, "//"),
        Tuple.of(1, "/%2e%2e"), Tuple.of(1, "/%00"), Tuple.of(1, "/%FF"),
        Tuple.of(1, "/%2F"), Tuple.of(1, "/"), Tuple.of(1, "/./"),
        Tuple.of(1, "%5C"), Tuple.of(1, "/%252e%252e"));
    Arbitrary<List<Header>> headers = headersFor(operation);
    Arbitrary<byte[]> body = bodyFor(operation);
    return Combinators.combine(method, identity, path, query, oddity, headers, body)
        .as((m, user, p, q, odd, extra, content) -> {
          List<Header> all = new ArrayList<>();
          if (!user.isEmpty()) {
            all.add(RawHttp.basic(user));
          }
          all.addAll(extra);
          String target = odd.equals("//") ? "/" + p : p + odd;
          boolean withBody = m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
          return new BadRequest(m, target + q, all, withBody ? content : null);
        });
  }

  private static Arbitrary<String> pathFor(Operation operation) {
    if (!operation.path().contains("{")) {
      return Arbitraries.just(operation.path());
    }
    Arbitrary<String> id = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(acmesOffboarding)),
        Tuple.of(2, Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((a, b) -> new UUID(a, b).toString())),
        Tuple.of(4, badStrings().map(BadInputIT::encode)));
    return id.map(value -> operation.path().replaceAll("\\{[^}]+}", value));
  }

  private static Arbitrary<String> queryFor(Operation operation) {
    List<Parameter> query = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
    Arbitrary<String> declared = query.isEmpty() ? Arbitraries.just("")
        : Arbitraries.of(query).flatMap(parameter -> valueFor(parameter).map(value -> parameter.name() + "=" + encode(value)))
            .list().ofMaxSize(4).map(pairs -> String.join("&", pairs));
    Arbitrary<String> unknown = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just("")),
        Tuple.of(1, badStrings().map(value -> "unknown=" + encode(value))),
        Tuple.of(1, Arbitraries.just("page=1&page=2&size=")),
        Tuple.of(1, Arbitraries.just("%zz=%")));
    return Combinators.combine(declared, unknown).as((a, b) -> {
      String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "&" + b;
      return joined.isEmpty() ? "" : "?" + joined;
    });
  }

  private static Arbitrary<String> valueFor(Parameter parameter) {
    Arbitrary<String> wellTyped = switch (parameter.type() + "/" + parameter.format()) {
      case "integer/int32" -> Arbitraries.integers().map(String::valueOf);
      case "string/date-time" -> Arbitraries.of("2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "yesterday");
      default -> Arbitraries.of("IN_PROGRESS", "REVIEW", "ACME", "123456789012", "createdAt,desc", "");
    };
    return Arbitraries.oneOf(wellTyped, badStrings());
  }

  private static Arbitrary<List<Header>> headersFor(Operation operation) {
    Arbitrary<List<Header>> accept = Arbitraries.of("", "image/png", "application/xml", "text/html", ";;;", "*/*;q=x",
        "application/problem+json", "text/csv").map(value -> value.isEmpty() ? List.of() : List.of(new Header("Accept", value)));
    String natural = operation.path().endsWith("/cta/signed") ? "application/pdf" : "application/json";
    Arbitrary<List<Header>> contentType = Arbitraries.of(natural, natural, natural, "application/*", "*/*", "text/plain",
        "garbage", "multipart/form-data", "application/json; charset=nope", "application/pdf", "")
        .map(value -> value.isEmpty() ? List.of() : List.of(new Header("Content-Type", value)));
    Arbitrary<List<Header>> idempotencyKey = operation.parameters().stream().anyMatch(p -> p.in().equals("header"))
        ? Arbitraries.oneOf(Arbitraries.just(""), headerValues())
            .map(value -> value.isEmpty() ? List.of() : List.of(new Header("Idempotency-Key", value)))
        : Arbitraries.just(List.of());
    Arbitrary<List<Header>> odd = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(List.<Header>of())),
        Tuple.of(1, headerValues().map(value -> List.of(new Header("X-Anything", value)))),
        Tuple.of(1, Arbitraries.just(List.of(new Header("X-Padding", "p".repeat(10 * 1024))))),
        Tuple.of(1, Arbitraries.of("Basic !!!", "Basic " + "QQ==", "Bearer x.y.z", "Digest x")
            .map(value -> List.of(new Header("Authorization", value)))));
    return Combinators.combine(accept, contentType, idempotencyKey, odd).as((a, b, c, d) -> {
      List<Header> all = new ArrayList<>(a);
      all.addAll(b);
      all.addAll(c);
      all.addAll(d);
      return all;
    });
  }

  private static Arbitrary<byte[]> bodyFor(Operation operation) {
    // the same payer in every run, so that a run's requests depend on the seed alone
    Map<String, Object> valid = TestRequests.offboarding("100000000001");
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.of("", "[]", "123", "\"text\"", "null", "{", "{\"payerAccountId\":", "[[[[[[", "{}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":" .repeat(2000) + "1" + "}".repeat(2000),
            "%PDF-1.7 not really", "%PDF-"),
        Arbitraries.of("payerAccountId", "reason", "contactEmail", "newResponsibleParty", "kind")
            .flatMap(field -> Arbitraries.of("123", "true", "[]", "{}", "null", "\"" + "x".repeat(100_000) + "\"",
                    "\"\\u0000\\u0007\"", "1e400", "-1")
                .map(value -> withField(valid, field, value))),
        badStrings().map(value -> "{\"reason\":" + quote(value) + "}"));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    return Arbitraries.frequencyOf(
        Tuple.of(4, text.map(value -> value.getBytes(StandardCharsets.UTF_8))),
        Tuple.of(1, bytes),
        Tuple.of(1, Arbitraries.just(json(valid))));
  }

  /** Strings of the wrong type, huge, or with control characters and characters outside ASCII. */
  private static Arbitrary<String> badStrings() {
    return Arbitraries.oneOf(
        Arbitraries.of("abc", "-1", "0", "99999999999999999999", "1e309", "NaN", "true", "null", "../../etc/passwd",
            "%", "%zz", "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "\u202e", "a b", " "),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
        Arbitraries.strings().withCharRange('\u0080', '\uffff').ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.integers().between(1_000, 20_000).map("x"::repeat));
  }

  /** Header values a client could put on the wire: no CR or LF, but anything else. */
  private static Arbitrary<String> headerValues() {
    return Arbitraries.oneOf(
        Arbitraries.of("clé-é", "\u00ff\u00fe", "日本語", "key with spaces", "a".repeat(300), "\t", "x\u0001y", "\u007f"),
        Arbitraries.strings().withCharRange('\u0020', '\u00ff').ofMinLength(1).ofMaxLength(64));
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private interface EngineClient {
    Answer send(String method, String path, String json);
  }

  private static Answer engineRest(String method, String path, String json) {
    List<Header> headers = new ArrayList<>(List.of(RawHttp.basic("admin")));
    if (json != null) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    return send(method, "/engine-rest" + path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer send(String method, String target, List<Header> headers) {
    return send(method, target, headers, null);
  }

  private static Answer send(String method, String target, List<Header> headers, byte[] body) {
    REQUESTS.incrementAndGet();
    return http.send(method, target, headers, body);
  }

  private static String reviewTaskOf(String offboardingId) {
    return journeys.awaitTask("sales", offboardingId, "Task_ReviewRequest");
  }

  private static String processInstanceOf(String taskId) {
    return app.bean(TaskService.class).createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  private static void assertProblem(Answer answer, int status) {
    assertProblem(answer, status, "");
  }

  private static void assertProblem(Answer answer, int status, String request) {
    assertThat(answer.status()).as(request + " -> " + answer).isEqualTo(status);
    assertThat(answer.contentType()).as(request + " -> " + answer).startsWith(PROBLEM);
    JsonNode problem = jsonOf(answer);
    assertThat(problem.path("status").asInt()).as(request + " -> " + answer).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(request + " -> " + answer).isNotBlank();
  }

  private static void assertCamundaError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    JsonNode error = jsonOf(answer);
    assertThat(error.path("type").asText()).as(answer.toString()).isNotBlank();
    assertThat(error.path("message").asText()).as(answer.toString()).contains(message);
  }

  private static JsonNode jsonOf(Answer answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + answer, e);
    }
  }

  private static String directive(String policy, String name) {
    for (String directive : policy.split(";")) {
      if (directive.trim().startsWith(name + " ")) {
        return directive.trim();
      }
    }
    return "";
  }

  private static List<Operation> operations(JsonNode document) {
    List<Operation> found = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        List<Parameter> parameters = new ArrayList<>();
        method.getValue().path("parameters").forEach(p -> parameters.add(new Parameter(p.path("in").asText(),
            p.path("name").asText(), p.path("schema").path("type").asText(), p.path("schema").path("format").asText())));
        found.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters));
      }
    }
    assertThat(found).as("operations in /v3/api-docs").isNotEmpty();
    return found;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String value) {
    return new String(json(value), StandardCharsets.UTF_8);
  }

  private static String withField(Map<String, Object> valid, String field, String rawJsonValue) {
    String body = new String(json(valid), StandardCharsets.UTF_8);
    Object current = valid.get(field);
    String currentJson = current == null ? null : new String(json(current), StandardCharsets.UTF_8);
    return currentJson == null ? body : body.replace("\"" + field + "\":" + currentJson, "\"" + field + "\":" + rawJsonValue);
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + " chars)" : text;
  }
}
