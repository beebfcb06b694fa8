package com.ingrammicro.masterpayer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.WebappSession;
import com.ingrammicro.masterpayer.system.Digests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an auditor gets, end to end over HTTP: the trail of a completed, a rejected, a withdrawn and
 * an expired journey (the exact order of the steps, and who did what), the search and its CSV
 * export, the evidence bundle verified as an auditor would, and that auditors change nothing and
 * nobody else reads the audit. Run on H2 ({@link H2AuditIT}) and PostgreSQL ({@link
 * PostgresAuditIT}).
 */
abstract class AuditScenarios extends RunningApplication {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Gateways are left out of the asserted paths: they add nothing a reader needs, only noise. */
  private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway");

  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  // --- trails
  // --------------------------------------------------------------------------------------

  @Test
  void completedJourneyHasTheWholePathWithItsActorsDecisionsMailsAndDocuments() throws Exception {
    String payer = TestRequests.randomPayer();
    String id = journeys.start("acme", payer);
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    byte[] signed = TestPdf.withText("signed by Acme and Contoso");
    journeys.uploadSignedCta("acme", id, signed);
    journeys.work("sales", id, "Task_CountersignCta", Map.of("ctaAccepted", true));
    PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    journeys.work("finance", id, "Task_ConfirmPaymentClearance", Map.of("paymentCleared", true));
    journeys.work(
        "sales",
        id,
        "Task_HandOverBilling",
        Map.of("billingHandedOver", true, "taxSettingsUpdated", true, "contactsUpdated", true));
    String planSha256 =
        journeys.approveRemovalPlan(id).path("cleanupPlanSha256").path("value").asText();
    journeys.awaitStatus("acme", id, "COMPLETED");

    JsonNode trail = awaitEndedTrail(id);

    assertThat(path(trail))
        .containsExactly(
            "StartEvent_OffboardingRequested",
            "SubProcess_AgreeUnlinking",
            "StartEvent_AgreementStarted",
            "SendTask_NotifySalesOfRequest",
            "Task_ReviewRequest",
            "ServiceTask_IssueCta",
            "ServiceTask_RequestESignature",
            "SendTask_SendCtaForSignature",
            "ReceiveTask_AwaitSignedCta",
            "Task_CountersignCta",
            "Task_HandOverBilling",
            "SendTask_RequestPaymentCheck",
            "Task_ConfirmPaymentClearance",
            "EndEvent_UnlinkingAgreed",
            "ServiceTask_PlanAccessRemoval",
            "Task_ApproveRemovalPlan",
            "ServiceTask_RemoveDistributorAccess",
            "ServiceTask_VerifyAccessRemoved",
            "Event_OffboardingCompleted",
            "SendTask_NotifyCompletion",
            "EndEvent_Completed");
    assertThat(trail.path("startedBy").asText()).isEqualTo("acme");
    assertThat(trail.path("processState").asText()).isEqualTo("COMPLETED");
    assertHumanStep(trail, "Task_ReviewRequest", "iaas-sales", "sales");
    assertHumanStep(trail, "Task_CountersignCta", "iaas-sales", "sales");
    assertHumanStep(trail, "Task_ConfirmPaymentClearance", "finance", "finance");
    assertHumanStep(trail, "Task_HandOverBilling", "iaas-sales", "sales");
    assertHumanStep(trail, "Task_ApproveRemovalPlan", "iaas-sales", "sales");
    assertThat(step(trail, "Task_ReviewRequest").path("outcome").path("approved").asBoolean())
        .isTrue();

    // the reseller's API actions are in the engine's user operation log, under the reseller's name
    assertThat(operations(trail, "acme"))
        .containsExactly("Create ProcessInstance", "CorrelateMessage ProcessInstance");
    assertThat(operations(trail, "sales")).contains("Claim Task", "Complete Task");
    assertThat(operations(trail, "finance")).containsExactly("Claim Task", "Complete Task");
    assertThat(authorizationService.createAuthorizationQuery().userIdIn("acme").list())
        .extracting(a -> a.getResourceType() + ":" + a.getResourceId())
        .as(
            "acting for the reseller leaves the reseller's client nothing in the engine once the"
                + " journey has ended")
        .isEmpty();

    List<JsonNode> decisions = entries(trail, "DECISION");
    assertThat(decisions)
        .extracting(d -> d.path("activityId").asText())
        .containsExactly(
            "Task_ReviewRequest",
            "Task_CountersignCta",
            "Task_ConfirmPaymentClearance",
            "Task_HandOverBilling",
            "Task_ApproveRemovalPlan");
    assertThat(decisions)
        .extracting(d -> d.path("actor").asText())
        .containsExactly("sales", "sales", "finance", "sales", "sales");
    assertThat(entries(trail, "CLEANUP"))
        .extracting(c -> c.path("details").path("name").asText())
        .contains("cleanupPlan", "cleanupReport");
    assertThat(entries(trail, "ACCESS_REMOVAL_PLANNED"))
        .singleElement()
        .satisfies(
            plan -> {
              assertThat(plan.path("details").path("roles"))
                  .extracting(role -> role.path("name").asText())
                  .containsExactlyInAnyOrderElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
              assertThat(plan.path("details").path("sha256").asText()).isEqualTo(planSha256);
            });
    assertThat(entries(trail, "ACCESS_REMOVAL_PLAN_DECIDED"))
        .singleElement()
        .satisfies(
            decided -> {
              assertThat(decided.path("actor").asText()).isEqualTo("sales");
              assertThat(decided.path("details").path("decision").asText()).isEqualTo("APPROVED");
              assertThat(decided.path("details").path("sha256").asText()).isEqualTo(planSha256);
            });
    assertThat(entries(trail, "AWS_CALL"))
        .hasSize(25)
        .allSatisfy(
            call -> {
              assertThat(call.path("details").path("outcome").asText()).isEqualTo("DONE");
              assertThat(call.path("details").path("requestId").asText()).isNotBlank();
            });
    assertThat(entries(trail, "ACCESS_REMOVAL_VERIFIED"))
        .singleElement()
        .satisfies(
            verified ->
                assertThat(verified.path("details").path("result").asText()).isEqualTo("VERIFIED"));
    assertThat(entries(trail, "MAIL_SENT"))
        .extracting(m -> m.path("details").path("notification").asText())
        .containsExactly(
            "REQUEST_RECEIVED",
            "CTA_FOR_SIGNATURE",
            "PAYMENT_CHECK_REQUESTED",
            "OFFBOARDING_COMPLETED");
    byte[] issued = api.get("auditor", "/api/offboardings/" + id + "/cta").body();
    assertThat(entries(trail, "DOCUMENT_STORED"))
        .extracting(d -> d.path("details").path("sha256").asText())
        .containsExactly(Digests.sha256Hex(issued), Digests.sha256Hex(signed));
    assertThat(entries(trail, "DOCUMENT_STORED").get(1).path("actor").asText()).isEqualTo("acme");
    assertThat(entries(trail, "ENDED").get(0).path("summary").asText())
        .isEqualTo("Ended COMPLETED");
    assertOrderedAndNumbered(trail);

    assertEvidenceBundleVerifies(id, trail, issued, signed);
  }

  @Test
  void rejectedJourneyEndsWithTheReasonAndKeepsItsHistoryForTheRetentionPeriod() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.work(
        "sales",
        id,
        "Task_ReviewRequest",
        Map.of("approved", false, "rejectionReason", "Payer account is not registered to Acme"));
    journeys.awaitStatus("acme", id, "REJECTED");

    JsonNode trail = awaitEndedTrail(id);

    assertThat(path(trail))
        .containsExactly(
            "StartEvent_OffboardingRequested",
            "SubProcess_AgreeUnlinking",
            "StartEvent_AgreementStarted",
            "SendTask_NotifySalesOfRequest",
            "Task_ReviewRequest",
            "EndEvent_RequestRejected",
            "BoundaryEvent_RequestRejected",
            "SendTask_NotifyRejection",
            "EndEvent_Rejected");
    assertHumanStep(trail, "Task_ReviewRequest", "iaas-sales", "sales");
    JsonNode decision = entries(trail, "DECISION").get(0);
    assertThat(decision.path("actor").asText()).isEqualTo("sales");
    assertThat(decision.path("details").path("reason").asText())
        .isEqualTo("Payer account is not registered to Acme");
    assertThat(entries(trail, "ENDED").get(0).path("summary").asText())
        .isEqualTo("Ended REJECTED: Payer account is not registered to Acme");
    assertThat(entries(trail, "MAIL_SENT"))
        .extracting(m -> m.path("details").path("notification").asText())
        .containsExactly("REQUEST_RECEIVED", "REQUEST_REJECTED");
    assertOrderedAndNumbered(trail);

    // retention: removed no earlier than historyTimeToLive (3650 days) after the end
    assertThat(engineConfiguration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    HistoricProcessInstance history =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult();
    assertThat(history.getRemovalTime().toInstant())
        .isEqualTo(history.getEndTime().toInstant().plus(3650, ChronoUnit.DAYS));
  }

  @Test
  void withdrawnJourneyNamesTheResellerWhoWithdrewAndWhy() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(
            api.postJson(
                    "acme",
                    "/api/offboardings/" + id + "/withdrawal",
                    Map.of("reason", "The customer decided to stay"))
                .status())
        .isEqualTo(202);

    JsonNode trail = awaitEndedTrail(id);

    assertThat(path(trail))
        .containsExactly(
            "StartEvent_OffboardingRequested",
            "SubProcess_AgreeUnlinking",
            "StartEvent_AgreementStarted",
            "SendTask_NotifySalesOfRequest",
            "Task_ReviewRequest",
            "ServiceTask_IssueCta",
            "ServiceTask_RequestESignature",
            "SendTask_SendCtaForSignature",
            "ReceiveTask_AwaitSignedCta",
            "EventSubProcess_Withdrawal",
            "StartEvent_WithdrawalRequested",
            "EndEvent_WithdrawalAccepted",
            "BoundaryEvent_Withdrawn",
            "SendTask_ConfirmWithdrawal",
            "EndEvent_Withdrawn");
    assertThat(step(trail, "ReceiveTask_AwaitSignedCta").path("canceled").asBoolean()).isTrue();
    assertThat(operations(trail, "acme"))
        .containsExactly("Create ProcessInstance", "CorrelateMessage ProcessInstance");
    JsonNode reason =
        entries(trail, "VARIABLE").stream()
            .filter(v -> v.path("details").path("name").asText().equals("withdrawalReason"))
            .findFirst()
            .orElseThrow();
    assertThat(reason.path("details").path("value").asText())
        .isEqualTo("The customer decided to stay");
    String withdrawal =
        entries(trail, "USER_OPERATION").stream()
            .filter(
                op -> op.path("details").path("operationType").asText().equals("CorrelateMessage"))
            .findFirst()
            .orElseThrow()
            .path("details")
            .path("operationId")
            .asText();
    assertThat(reason.path("details").path("userOperationId").asText())
        .as("the reason is tied to the reseller's operation")
        .isEqualTo(withdrawal);
    assertThat(entries(trail, "ENDED").get(0).path("summary").asText())
        .isEqualTo("Ended WITHDRAWN: The customer decided to stay");
    assertOrderedAndNumbered(trail);
  }

  @Test
  void expiredJourneyShowsTheWaitThatTimedOut() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    journeys.fireTimer(id, "BoundaryEvent_CtaExpired");

    JsonNode trail = awaitEndedTrail(id);

    assertThat(path(trail))
        .containsExactly(
            "StartEvent_OffboardingRequested",
            "SubProcess_AgreeUnlinking",
            "StartEvent_AgreementStarted",
            "SendTask_NotifySalesOfRequest",
            "Task_ReviewRequest",
            "ServiceTask_IssueCta",
            "ServiceTask_RequestESignature",
            "SendTask_SendCtaForSignature",
            "ReceiveTask_AwaitSignedCta",
            "BoundaryEvent_CtaExpired",
            "EndEvent_CtaExpired",
            "BoundaryEvent_Expired",
            "SendTask_NotifyExpiry",
            "EndEvent_Expired");
    assertThat(step(trail, "ReceiveTask_AwaitSignedCta").path("canceled").asBoolean()).isTrue();
    assertThat(entries(trail, "ENDED").get(0).path("summary").asText())
        .startsWith("Ended EXPIRED: No signed Consent");
    assertThat(entries(trail, "MAIL_SENT"))
        .extracting(m -> m.path("details").path("notification").asText())
        .containsExactly("REQUEST_RECEIVED", "CTA_FOR_SIGNATURE", "CTA_EXPIRED");
    assertOrderedAndNumbered(trail);
  }

  @Test
  void diagramHighlightsThePathTaken() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response diagram = api.get("auditor", "/api/audit/offboardings/" + id + "/diagram.svg");

    assertThat(diagram.status()).isEqualTo(200);
    assertThat(diagram.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(diagram.text())
        .contains("<g class=\"node visited\" data-element-id=\"SendTask_NotifySalesOfRequest\"")
        .contains("<g class=\"node active\" data-element-id=\"Task_ReviewRequest\"")
        .contains("<g class=\"node\" data-element-id=\"Task_CountersignCta\"")
        .contains("class=\"flow taken\" data-element-id=\"Flow_ToReview\"");
  }

  // --- search and export
  // ---------------------------------------------------------------------------

  @Test
  void searchFiltersSortsAndPagesAndTheCsvHasTheSameRows() throws Exception {
    String payer = journeys.registeredPayer("globex");
    Map<String, Object> tricky = TestRequests.offboarding(payer);
    tricky.put("reason", "=HYPERLINK(\"x\"), then\na second line");
    Api.Response created = api.postJson("globex", "/api/offboardings", tricky);
    assertThat(created.status()).isEqualTo(201);
    String first = created.json().path("id").asText();
    String second = journeys.start("globex", TestRequests.randomPayer());
    String withdrawn = journeys.start("globex", TestRequests.randomPayer());
    api.postJson("globex", "/api/offboardings/" + withdrawn + "/withdrawal", Map.of());
    journeys.awaitStatus("globex", withdrawn, "WITHDRAWN");

    JsonNode byPayer = api.get("auditor", "/api/audit/offboardings?payerAccountId=" + payer).json();
    JsonNode globexOldestFirst =
        api.get("auditor", "/api/audit/offboardings?resellerId=GLOBEX&sort=createdAt,asc&size=200")
            .json();
    JsonNode globexNewest =
        api.get("admin", "/api/audit/offboardings?resellerId=GLOBEX&size=1").json();
    JsonNode withdrawnOnes =
        api.get(
                "auditor",
                "/api/audit/offboardings?resellerId=GLOBEX&status=WITHDRAWN&endedFrom="
                    + java.time.Instant.now().minus(1, ChronoUnit.HOURS)
                    + "&size=200")
            .json();
    JsonNode inReview =
        api.get(
                "auditor",
                "/api/audit/offboardings?resellerId=GLOBEX&stage=REVIEW&status=IN_PROGRESS"
                    + "&startedTo="
                    + java.time.Instant.now().plusSeconds(60)
                    + "&size=200")
            .json();

    assertThat(byPayer.path("totalElements").asLong()).isEqualTo(1);
    assertThat(byPayer.path("content").get(0).path("id").asText()).isEqualTo(first);
    List<String> oldestFirst = Journeys.ids(globexOldestFirst);
    assertThat(oldestFirst.indexOf(first)).isLessThan(oldestFirst.indexOf(second));
    assertThat(oldestFirst.indexOf(second)).isLessThan(oldestFirst.indexOf(withdrawn));
    assertThat(Journeys.ids(globexNewest)).containsExactly(withdrawn);
    assertThat(globexNewest.path("totalPages").asLong())
        .isEqualTo(globexNewest.path("totalElements").asLong());
    assertThat(Journeys.ids(withdrawnOnes)).contains(withdrawn).doesNotContain(first, second);
    assertThat(Journeys.ids(inReview)).contains(first, second).doesNotContain(withdrawn);

    Api.Response csv =
        api.get(
            "auditor", "/api/audit/offboardings/export.csv?resellerId=GLOBEX&sort=createdAt,asc");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"offboardings.csv\"");
    List<List<String>> rows = parseCsv(csv.text());
    assertThat(rows.get(0))
        .containsExactly(
            "id",
            "resellerId",
            "payerAccountId",
            "status",
            "stage",
            "statusReason",
            "requestedBy",
            "newPartyName",
            "newPartyKind",
            "processInstanceId",
            "createdAt",
            "updatedAt",
            "endedAt",
            "reason");
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> row.get(0))
        .containsExactlyElementsOf(oldestFirst);
    List<String> trickyRow =
        rows.stream().filter(row -> row.get(0).equals(first)).findFirst().orElseThrow();
    assertThat(trickyRow.get(13))
        .as("formula neutralised, quotes, comma and line break kept")
        .isEqualTo("'=HYPERLINK(\"x\"), then\na second line");
    assertThat(trickyRow.get(2)).isEqualTo(payer);
  }

  @Test
  void invalidSearchesAreAnsweredWithProblemDetails() {
    assertThat(
            api.get("auditor", "/api/audit/offboardings?sort=reason,asc")
                .json()
                .path("detail")
                .asText())
        .contains("createdAt");
    for (String query :
        List.of(
            "sort=createdAt,sideways",
            "size=1000",
            "page=-1",
            "status=DONE",
            "stage=NOWHERE",
            "payerAccountId=123",
            "resellerId=a%20b",
            "startedFrom=yesterday",
            "startedFrom=2026-02-01T00:00:00Z&startedTo=2026-01-01T00:00:00Z",
            "endedFrom=2026-02-01T00:00:00Z&endedTo=2026-02-01T00:00:00Z")) {
      Api.Response response = api.get("auditor", "/api/audit/offboardings?" + query);
      assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }
    Api.Response unknown =
        api.get("auditor", "/api/audit/offboardings/" + java.util.UUID.randomUUID() + "/trail");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("type").asText()).endsWith("offboarding-not-found");
  }

  // --- who may do what
  // -----------------------------------------------------------------------------

  @Test
  void auditorsCanChangeNothingAnywhere() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    String task = journeys.awaitTask("sales", id, "Task_ReviewRequest");
    String pid = processInstanceId(id);
    String instance = "/engine-rest/process-instance/" + pid;

    assertThat(api.get("auditor", "/engine-rest/task?processInstanceBusinessKey=" + id).json())
        .hasSize(1);
    assertThat(api.get("auditor", "/engine-rest/history/process-instance/" + pid).status())
        .isEqualTo(200);
    assertThat(
            List.of(
                journeys.submit("auditor", task, Map.of("approved", true)),
                api.postJson("auditor", "/engine-rest/task/" + task + "/complete", Map.of()),
                journeys.claim("auditor", task),
                api.putJson(
                    "auditor",
                    "/engine-rest/task/" + task + "/variables/approved",
                    Map.of("value", true)),
                api.putJson("auditor", instance + "/variables/approved", Map.of("value", true)),
                api.postJson(
                    "auditor",
                    instance + "/variables",
                    Map.of("modifications", Map.of("x", Map.of("value", 1)))),
                api.putJson("auditor", instance + "/suspended", Map.of("suspended", true)),
                api.delete("auditor", instance),
                api.postJson(
                    "auditor",
                    "/engine-rest/process-definition/key/masterPayerOffboarding/start",
                    Map.of()),
                api.postJson(
                    "auditor",
                    "/engine-rest/message",
                    Map.of("messageName", "WithdrawalRequested", "processInstanceId", pid)),
                api.postJson(
                    "auditor",
                    "/api/offboardings",
                    TestRequests.offboarding(TestRequests.randomPayer())),
                api.put(
                    "auditor",
                    "/api/offboardings/" + id + "/cta/signed",
                    "application/pdf",
                    TestPdf.withText("x")),
                api.postJson("auditor", "/api/offboardings/" + id + "/withdrawal", Map.of()),
                api.postJson("auditor", "/api/audit/offboardings", Map.of())))
        .allSatisfy(
            response -> assertThat(response.status()).as(response.toString()).isEqualTo(403));

    assertThat(journeys.awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(task);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).active().count())
        .isOne();
    assertThat(runtimeService.getVariable(pid, "approved")).isNull();
  }

  @Test
  void onlyAuditorsAndAdministratorsReadTheAuditApiAndPage() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    List<String> reads =
        List.of(
            "/api/audit/offboardings",
            "/api/audit/offboardings/export.csv",
            "/api/audit/offboardings/" + id + "/trail",
            "/api/audit/offboardings/" + id + "/diagram.svg",
            "/api/audit/offboardings/" + id + "/evidence");

    for (String path : reads) {
      assertThat(api.get("auditor", path).status()).as("auditor " + path).isEqualTo(200);
      assertThat(api.get("admin", path).status()).as("admin " + path).isEqualTo(200);
      for (String user : List.of("acme", "globex", "sales", "finance")) {
        Api.Response refused = api.get(user, path);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      }
      assertThat(api.get(null, path).status()).as("anonymous " + path).isEqualTo(401);
    }
    // the page, for staff signed in by single sign-on: resellers cannot sign in
    Map<String, Integer> page =
        Map.of("auditor", 200, "admin", 200, "sales", 403, "finance", 403, "acme", 302);
    for (String path : List.of("/audit/", "/audit/audit.js")) {
      page.forEach(
          (user, status) ->
              assertThat(WebappSession.login(api, path, user).send("GET", path, null).status())
                  .as(user + " " + path)
                  .isEqualTo(status));
      assertThat(WebappSession.anonymous(api).send("GET", path, null).status())
          .as("anonymous " + path)
          .isEqualTo(302);
    }
    WebappSession auditor = WebappSession.login(api, "/audit/", "auditor");
    Api.Response redirect = auditor.send("GET", "/audit", null);
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).endsWith("/audit/");
    assertThat(auditor.page().text()).contains("<title>Offboarding audit</title>");
    assertThat(api.get("auditor", "/audit/").status())
        .as("a password is no way in: the browser is sent to sign in")
        .isEqualTo(302);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------

  /** The trail once the journey has ended and its last mail is recorded. */
  JsonNode awaitEndedTrail(String id) {
    return await()
        .atMost(Journeys.PATIENCE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> api.get("auditor", "/api/audit/offboardings/" + id + "/trail").json(),
            trail ->
                !trail.path("processState").asText().equals("ACTIVE")
                    && !entries(trail, "ENDED").isEmpty());
  }

  String processInstanceId(String offboardingId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(offboardingId)
        .singleResult()
        .getId();
  }

  static List<String> path(JsonNode trail) {
    List<String> path = new ArrayList<>();
    trail
        .path("steps")
        .forEach(
            step -> {
              if (!GATEWAYS.contains(step.path("activityType").asText())) {
                path.add(step.path("activityId").asText());
              }
            });
    return path;
  }

  static JsonNode step(JsonNode trail, String activityId) {
    for (JsonNode step : trail.path("steps")) {
      if (step.path("activityId").asText().equals(activityId)) {
        return step;
      }
    }
    throw new AssertionError("No step " + activityId + " in " + path(trail));
  }

  static void assertHumanStep(
      JsonNode trail, String activityId, String candidateGroup, String user) {
    JsonNode step = step(trail, activityId);
    assertThat(step.path("candidateGroups").toString())
        .as(activityId)
        .isEqualTo("[\"" + candidateGroup + "\"]");
    assertThat(step.path("claimedBy").asText()).as(activityId).isEqualTo(user);
    assertThat(step.path("completedBy").asText()).as(activityId).isEqualTo(user);
  }

  static List<JsonNode> entries(JsonNode trail, String type) {
    List<JsonNode> entries = new ArrayList<>();
    trail
        .path("entries")
        .forEach(
            entry -> {
              if (entry.path("type").asText().equals(type)) {
                entries.add(entry);
              }
            });
    return entries;
  }

  /** "operationType entityType" of each user operation by that user, in order. */
  static List<String> operations(JsonNode trail, String user) {
    return entries(trail, "USER_OPERATION").stream()
        .filter(op -> op.path("actor").asText().equals(user))
        .map(
            op ->
                op.path("details").path("operationType").asText()
                    + " "
                    + op.path("details").path("entityType").asText())
        .distinct()
        .toList();
  }

  static void assertOrderedAndNumbered(JsonNode trail) {
    String previous = "";
    int sequence = 0;
    for (JsonNode entry : trail.path("entries")) {
      assertThat(entry.path("sequence").asInt()).isEqualTo(++sequence);
      String at = java.time.OffsetDateTime.parse(entry.path("at").asText()).toInstant().toString();
      assertThat(java.time.Instant.parse(at))
          .isAfterOrEqualTo(
              previous.isEmpty() ? java.time.Instant.EPOCH : java.time.Instant.parse(previous));
      previous = at;
    }
    assertThat(sequence).isGreaterThan(10);
  }

  /**
   * Unzips the bundle and checks every digest as {@code sha256sum -c} would, and against the trail.
   */
  void assertEvidenceBundleVerifies(String id, JsonNode trail, byte[] issued, byte[] signed)
      throws IOException {
    Api.Response bundle = api.get("auditor", "/api/audit/offboardings/" + id + "/evidence");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.header("Content-Type")).isEqualTo("application/zip");
    assertThat(bundle.header("Content-Disposition"))
        .contains("offboarding-" + id + "-evidence.zip");
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    }
    assertThat(files.keySet())
        .containsExactly(
            "trail.json",
            "documents/01-CTA_ISSUED-consent-to-assignment-"
                + trail.path("offboarding").path("payerAccountId").asText()
                + ".pdf",
            "documents/02-CTA_SIGNED-consent-to-assignment-"
                + trail.path("offboarding").path("payerAccountId").asText()
                + "-signed.pdf",
            "documents/02-CTA_SIGNED-consent-to-assignment-"
                + trail.path("offboarding").path("payerAccountId").asText()
                + "-signed.signature-report.json",
            // the test applications send the CTA through DocuSign on loopback (RunningApplication)
            "esignature.json",
            "access-removal.json",
            "manifest.json",
            "SHA256SUMS");
    Map<String, String> sums = new LinkedHashMap<>();
    new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8)
        .lines()
        .forEach(line -> sums.put(line.substring(66), line.substring(0, 64)));
    assertThat(sums.keySet())
        .containsExactlyInAnyOrderElementsOf(
            files.keySet().stream().filter(name -> !name.equals("SHA256SUMS")).toList());
    sums.forEach(
        (name, sum) -> assertThat(Digests.sha256Hex(files.get(name))).as(name).isEqualTo(sum));
    JsonNode manifest = JSON.readTree(files.get("manifest.json"));
    assertThat(manifest.path("generatedBy").asText()).isEqualTo("auditor");
    manifest
        .path("files")
        .forEach(
            file ->
                assertThat(Digests.sha256Hex(files.get(file.path("path").asText())))
                    .isEqualTo(file.path("sha256").asText()));
    assertThat(manifest.path("files").get(1).path("matchesRecord").asBoolean()).isTrue();
    assertThat(Digests.sha256Hex(files.get(manifest.path("files").get(1).path("path").asText())))
        .isEqualTo(Digests.sha256Hex(issued));
    assertThat(files.get(manifest.path("files").get(2).path("path").asText())).isEqualTo(signed);
    assertThat(JSON.readTree(files.get("access-removal.json")).path("calls"))
        .isEqualTo(
            api.get("auditor", "/api/offboardings/" + id + "/access-removal").json().path("calls"));
    JsonNode bundledTrail = JSON.readTree(files.get("trail.json"));
    assertThat(bundledTrail.path("entries")).isEqualTo(trail.path("entries"));
  }

  /** RFC 4180 parsing, strict enough to catch a wrong escape. */
  static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(field.length()).as("the CSV ends with CRLF").isZero();
    return rows;
  }
}
