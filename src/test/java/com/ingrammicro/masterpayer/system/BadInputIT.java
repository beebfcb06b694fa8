package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.RawHttp;
import com.ingrammicro.masterpayer.support.RawHttp.Answer;
import com.ingrammicro.masterpayer.support.RawHttp.Header;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.WebappSession;
import com.ingrammicro.masterpayer.system.BadRequests.BadRequest;
import com.ingrammicro.masterpayer.system.BadRequests.Operation;
import com.ingrammicro.masterpayer.system.BadRequests.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input never gets a 5xx, and every refusal on {@code /api/**} is an RFC 9457 problem detail:
 * whatever layer refuses (Tomcat, the firewall, Spring Security, Spring MVC, the engine's REST
 * layers). The examples are the findings of issue 11; a seeded generator ({@link BadRequests})
 * makes requests for every operation of {@code /v3/api-docs} (wrong types, huge and
 * control-character strings, bad headers and content types, odd paths and methods) with a fixed
 * seed, so CI runs the same requests every time. {@code -Dbadinput.seed} and {@code
 * -Dbadinput.tries} change the seed and the number of tries. Runs on H2 only: the answers do not
 * depend on the database.
 */
@OnH2
class BadInputIT extends RunningApplication {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBLEM = "application/problem+json";
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final AtomicInteger GENERATED = new AtomicInteger();
  private static final AtomicInteger EXAMPLES = new AtomicInteger();
  private static final long SEED = Long.getLong("badinput.seed", 20261201L);
  private static final int TRIES = Integer.getInteger("badinput.tries", 40);

  /**
   * A second member of iaas-sales, who may claim a task that sales has already claimed, and is
   * refused.
   */
  private static final String SECOND_SALES = "sales2";

  private static RawHttp http;
  private static List<Operation> operations;
  private static String acmesOffboarding;

  @Autowired private TaskService taskService;
  @Autowired private IdentityService identities;

  /**
   * Once per class: the operations to generate requests for, an offboarding to aim them at, a
   * second sales user.
   */
  @BeforeEach
  void fixture() {
    http = new RawHttp(port);
    if (operations != null) {
      return;
    }
    operations = operations(api.get("admin", "/v3/api-docs").json());
    acmesOffboarding = journeys.start("acme", TestRequests.randomPayer());
    if (identities.createUserQuery().userId(SECOND_SALES).count() == 0) {
      User second = identities.newUser(SECOND_SALES);
      second.setPassword(SECOND_SALES);
      identities.saveUser(second);
      identities.createMembership(SECOND_SALES, Role.IAAS_SALES.groupId());
    }
  }

  @AfterEach
  void countExamples(TestInfo test) {
    if (!test.getTestMethod().map(m -> m.getName().startsWith("generated")).orElse(false)) {
      EXAMPLES.incrementAndGet();
    }
  }

  @AfterAll
  static void stop() {
    System.out.println(
        "Bad input: "
            + GENERATED.get()
            + " generated requests (seed "
            + SEED
            + ", "
            + TRIES
            + " tries), "
            + EXAMPLES.get()
            + " fixed examples");
  }

  // --- what Tomcat and the firewall refuse before the application -------------------------------

  @Test
  void whatTomcatRefusesBeforeAnyFilterIsAProblemDetail() {
    String offboardings = "/api/offboardings/";
    for (String path :
        List.of(offboardings + "%00", offboardings + "a%2Fb", offboardings + "%FF")) {
      assertProblem(send("GET", path, List.of(acme())), 400);
    }
    assertProblem(
        send(
            "GET",
            "/api/offboardings",
            List.of(acme(), new Header("X-Padding", "a".repeat(9 * 1024)))),
        400);
  }

  @Test
  void whatTheFirewallRefusesIsAProblemDetail() {
    for (String path :
        List.of(
            "/api/offboardings;x",
            "//api/offboardings",
            "/api/%2e%2e/offboardings",
            "/api/./offboardings",
            "/api/offboardings/%252e%252e")) {
      assertProblem(send("GET", path, List.of(acme())), 400);
    }
    for (String method : List.of("TRACE", "FOO", "CONNECT")) {
      assertProblem(send(method, "/api/offboardings", List.of(acme())), 405);
    }
  }

  @Test
  void oddPathsToTheEngineAreRefusedNotFailed() {
    for (String path :
        List.of(
            "/engine-rest;x/task",
            "//engine-rest/task",
            "/camunda/..;/engine-rest/task",
            "/camunda/api/engine/engine/default;x/task",
            "/engine-rest/%2e%2e/task")) {
      Answer answer = send("GET", path, List.of(RawHttp.basic("sales")));
      assertThat(answer.status()).as(path + " -> " + answer).isEqualTo(400);
    }
  }

  @Test
  void badHeadersAndContentTypesAreRefusedWithAProblemDetail() {
    byte[] body = BadRequests.json(TestRequests.offboarding(TestRequests.randomPayer()));
    assertProblem(
        send(
            "POST",
            "/api/offboardings",
            List.of(
                acme(),
                new Header("Content-Type", "application/json"),
                new Header("Idempotency-Key", "clé-é\u00ff")),
            body),
        400);
    // the firewall refuses a control character in a header value when the header is read, and
    // Spring MVC reads every header along with a request body: that was a 500
    assertProblem(
        send(
            "POST",
            "/api/offboardings",
            List.of(
                acme(),
                new Header("Content-Type", "application/json"),
                new Header("X-Anything", "a\u009cb")),
            body),
        400);
    assertProblem(
        send(
            "POST",
            "/api/offboardings",
            List.of(acme(), new Header("Content-Type", "application/*")),
            body),
        415);
    assertProblem(
        send(
            "POST",
            "/api/offboardings",
            List.of(acme(), new Header("Content-Type", "not a media type")),
            body),
        415);
    assertProblem(
        send(
            "PUT",
            "/api/offboardings/" + acmesOffboarding + "/cta/signed",
            List.of(
                acme(), new Header("Content-Type", "application/pdf"), new Header("Accept", ";;;")),
            TestPdf.withText("signed")),
        400);
    assertProblem(send("GET", "/api/offboardings/%20/cta/signed", List.of(acme())), 400);
    Answer notAcceptable =
        send(
            "GET",
            "/api/offboardings/" + acmesOffboarding,
            List.of(acme(), new Header("Accept", "image/png")));
    assertProblem(notAcceptable, 406);
    Answer pdfNotAcceptable =
        send(
            "GET",
            "/api/offboardings/" + acmesOffboarding + "/cta",
            List.of(acme(), new Header("Accept", "text/html")));
    assertThat(pdfNotAcceptable.status()).isLessThan(500);
    assertProblem(pdfNotAcceptable, pdfNotAcceptable.status());
  }

  @Test
  void theErrorPageRequestedDirectlyIsNotFound() {
    assertProblem(send("GET", "/error", List.of()), 404);
    assertProblem(
        send(
            "POST",
            "/error",
            List.of(new Header("Content-Type", "application/json")),
            "{}".getBytes()),
        404);
  }

  // --- Camunda's refusals, on engine-rest and on the webapps' engine API
  // ---------------------------

  @Test
  void camundasRefusalsAre4xxWithTheirMessageOnEngineRest() {
    String task = reviewTaskOf(journeys.start("acme", TestRequests.randomPayer()));
    String processInstance = processInstanceOf(task);
    assertRefusals(BadInputIT::engineRest, task, processInstance);
  }

  @Test
  void camundasRefusalsAre4xxWithTheirMessageOnTheWebappsEngineApi() {
    String task = reviewTaskOf(journeys.start("acme", TestRequests.randomPayer()));
    String processInstance = processInstanceOf(task);
    WebappSession admin =
        WebappSession.login(api, "/camunda/api/admin/auth/user/default/login/tasklist", "admin");
    assertThat(admin.response().status()).isEqualTo(200);
    // as Tasklist does after its login: a first read, which hands out the new session's CSRF token
    assertThat(admin.send("GET", "/camunda/api/engine/engine/default/task/count", null).status())
        .isEqualTo(200);
    EngineClient webapp =
        (method, path, json) -> {
          REQUESTS.incrementAndGet();
          Api.Response response =
              admin.send(method, "/camunda/api/engine/engine/default" + path, json);
          return new Answer(
              response.status(),
              Map.of("content-type", String.valueOf(response.header("Content-Type"))),
              response.body());
        };

    assertRefusals(webapp, task, processInstance);
  }

  private void assertRefusals(EngineClient engine, String task, String processInstance) {
    String serialized =
        """
        {"type":"Object","value":"rO0ABXQAAWE=","valueInfo":{"objectTypeName":"java.lang.String",
         "serializationDataFormat":"application/x-java-serialized-object"}}""";
    assertCamundaError(
        engine.send("DELETE", "/task/" + task, null), 400, "part of a running process");
    assertThat(engine.send("POST", "/task/" + task + "/claim", "{\"userId\":\"sales\"}").status())
        .isEqualTo(204);
    assertCamundaError(
        engine.send("POST", "/task/" + task + "/claim", "{\"userId\":\"" + SECOND_SALES + "\"}"),
        409,
        "already claimed");
    assertCamundaError(
        engine.send("POST", "/task/" + UUID.randomUUID() + "/claim", "{\"userId\":\"sales\"}"),
        404,
        "Cannot find task");
    assertCamundaError(
        engine.send(
            "POST",
            "/process-instance/" + processInstance + "/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Nowhere\"},"
                + "{\"type\":\"cancel\",\"activityInstanceId\":\"nowhere:1\"}]}"),
        400,
        "Task_Nowhere");
    assertCamundaError(
        engine.send(
            "PUT", "/process-instance/" + processInstance + "/variables/payload", serialized),
        400,
        "Java serialization format is prohibited");
    // (a completion with it is refused before the engine sees it: 'payload' is no outcome of the
    // task)
    assertThat(
            engine
                .send(
                    "POST",
                    "/task/" + task + "/complete",
                    "{\"variables\":{\"payload\":" + serialized + "}}")
                .status())
        .isEqualTo(400);
    assertCamundaError(
        engine.send("PUT", "/job/unknown-job/retries", "{\"retries\":1}"), 404, "No job found");
    assertCamundaError(engine.send("POST", "/authorization/create", "{}"), 400, "required field");
    Answer invalidOutcome =
        engine.send(
            "POST",
            "/task/" + task + "/submit-form",
            "{\"variables\":{\"approved\":{\"value\":\"perhaps\"}}}");
    assertCamundaError(invalidOutcome, 400, "approved");
    assertThat(jsonOf(invalidOutcome).path("problems").isArray())
        .as("the broken rules listed")
        .isTrue();
    assertThat(taskService.createTaskQuery().taskId(task).count())
        .as("the task stays open")
        .isOne();
  }

  // --- uploads
  // --------------------------------------------------------------------------------------

  @Test
  void aSignedCtaWithJavaScriptIsRefusedWith422AndTheReasonAndAPlainOneIsStillTaken() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    assertThat(journeys.submit("sales", reviewTaskOf(id), Map.of("approved", true)).status())
        .isEqualTo(204);
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));

    Api.Response hostile =
        api.put(
            "acme",
            "/api/offboardings/" + id + "/cta/signed",
            "application/pdf",
            TestPdf.withJavaScript("app.launchURL('https://example.invalid')"));

    assertThat(hostile.status()).as(hostile.toString()).isEqualTo(422);
    assertThat(hostile.header("Content-Type")).isEqualTo(PROBLEM);
    assertThat(hostile.json().path("detail").asText()).contains("JavaScript");
    journeys.uploadSignedCta("acme", id, TestPdf.withText("signed"));
  }

  // --- security headers
  // -------------------------------------------------------------------------------

  @Test
  void theAuditPageAndTheApiDocsSendAStrictContentSecurityPolicyTheirPagesCanLiveWith() {
    // the audit page, for an auditor signed in by single sign-on
    WebappSession auditor = WebappSession.login(api, "/audit/", "auditor");
    Api.Response audit = auditor.send("GET", "/audit/", null);
    Api.Response auditScript = auditor.send("GET", "/audit/audit.js", null);
    Api.Response swagger = api.get("admin", "/swagger-ui/index.html");
    Api.Response initializer = api.get("admin", "/swagger-ui/swagger-initializer.js");
    Api.Response document = api.get("admin", "/v3/api-docs");

    for (Api.Response page : List.of(audit, auditScript, swagger, initializer)) {
      assertThat(page.status()).isEqualTo(200);
      String policy = page.header("Content-Security-Policy");
      assertThat(policy)
          .contains(
              "default-src 'none'",
              "script-src 'self'",
              "frame-ancestors 'none'",
              "base-uri 'none'");
      assertThat(directive(policy, "script-src"))
          .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    }
    assertThat(document.header("Content-Security-Policy")).contains("default-src 'none'");
    // script-src 'self' blocks inline scripts and handlers: the pages must have none
    for (Api.Response page : List.of(audit, swagger)) {
      assertThat(
              Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE)
                  .matcher(page.text())
                  .find())
          .as("an inline script")
          .isFalse();
      assertThat(
              Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                  .matcher(page.text())
                  .find())
          .as("an inline event handler")
          .isFalse();
      assertThat(page.text()).doesNotContain("javascript:");
    }
    // every script and stylesheet the pages load is on this origin and is served
    for (Api.Response page : List.of(audit, swagger)) {
      String base = page == audit ? "/audit/" : "/swagger-ui/";
      Matcher assets =
          Pattern.compile("(?:src|href)=\"(?!#|/camunda|/swagger-ui.html|https?:)([^\"]+)\"")
              .matcher(page.text());
      while (assets.find()) {
        String asset =
            assets.group(1).startsWith("/")
                ? assets.group(1)
                : base + assets.group(1).replaceFirst("^\\./", "");
        assertThat(
                (page == audit ? auditor.send("GET", asset, null) : api.get("admin", asset))
                    .status())
            .as(asset)
            .isEqualTo(200);
      }
    }
  }

  // --- generated bad input
  // --------------------------------------------------------------------------

  @Test
  void generatedBadInputForEveryOperationNeverGetsA5xxAndIsRefusedWithProblemDetails() {
    List<String> failures = new ArrayList<>();
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      BadRequests generator = new BadRequests(SEED, attempt, acmesOffboarding);
      for (Operation operation : operations) {
        BadRequest request = generator.next(operation);
        try {
          GENERATED.incrementAndGet();
          Answer answer =
              http.send(request.method(), request.target(), request.headers(), request.body());
          assertThat(answer.status()).as("the answer " + answer).isLessThan(500);
          if (answer.status() >= 400) {
            assertProblem(answer, answer.status(), "the answer");
          }
        } catch (AssertionError | RuntimeException e) {
          failures.add(
              "seed "
                  + SEED
                  + ", try "
                  + attempt
                  + ", operation "
                  + operation.method()
                  + " "
                  + operation.path()
                  + ": "
                  + request
                  + "\n  "
                  + String.valueOf(e instanceof AssertionError ? e.getMessage() : e)
                      .strip()
                      .replace("\n", "\n  "));
        }
      }
    }
    assertThat(failures)
        .as(
            failures.size()
                + " of "
                + GENERATED.get()
                + " generated requests failed (seed "
                + SEED
                + ", "
                + TRIES
                + " tries; rerun with -Dbadinput.seed="
                + SEED
                + "):\n"
                + String.join("\n\n", failures))
        .isEmpty();
  }

  // --- helpers
  // ----------------------------------------------------------------------------------------

  /** The demo reseller ACME's bearer token, as a header. */
  private Header acme() {
    return RawHttp.bearer(api.token("acme"));
  }

  private interface EngineClient {
    Answer send(String method, String path, String json);
  }

  private static Answer engineRest(String method, String path, String json) {
    List<Header> headers = new ArrayList<>(List.of(RawHttp.basic("admin")));
    if (json != null) {
      headers.add(new Header("Content-Type", "application/json"));
    }
    return send(
        method,
        "/engine-rest" + path,
        headers,
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  private static Answer send(String method, String target, List<Header> headers) {
    return send(method, target, headers, null);
  }

  private static Answer send(String method, String target, List<Header> headers, byte[] body) {
    REQUESTS.incrementAndGet();
    return http.send(method, target, headers, body);
  }

  private String reviewTaskOf(String offboardingId) {
    return journeys.awaitTask("sales", offboardingId, "Task_ReviewRequest");
  }

  private String processInstanceOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
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
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
          methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        List<Parameter> parameters = new ArrayList<>();
        method
            .getValue()
            .path("parameters")
            .forEach(
                p ->
                    parameters.add(
                        new Parameter(
                            p.path("in").asText(),
                            p.path("name").asText(),
                            p.path("schema").path("type").asText(),
                            p.path("schema").path("format").asText())));
        found.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters));
      }
    }
    assertThat(found).as("operations in /v3/api-docs").isNotEmpty();
    return found;
  }
}
