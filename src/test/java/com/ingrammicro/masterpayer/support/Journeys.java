package com.ingrammicro.masterpayer.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Drives offboardings through the running application as its users do: resellers over the API,
 * staff through engine-rest as Tasklist does, time by making timers due. Shared by the journey and
 * the audit integration tests.
 */
public final class Journeys {

  public static final Duration PATIENCE = Duration.ofSeconds(45);

  /** The demo administrator, who maintains the payer registry. */
  public static final String ADMIN = "admin";

  private final Api api;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public Journeys(Api api, RuntimeService runtimeService, ManagementService managementService) {
    this.api = api;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /**
   * Registers a payer account in the payer registry to the reseller of a demo reseller user ({@code
   * "acme"}: {@code ACME}), as an administrator does over the administrators' API; one that is
   * registered to that reseller already stays as it is, one of another reseller fails the test.
   */
  public void register(String reseller, String payer) {
    String resellerId = resellerIdOf(reseller);
    Api.Response registered =
        api.postJson(
            ADMIN,
            "/api/admin/payer-accounts",
            Map.of("accountId", payer, "resellerId", resellerId, "name", "Payer " + payer));
    if (registered.status() == 409
        && registered.json().path("resellerId").asText().equals(resellerId)) {
      return;
    }
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
  }

  /** A new payer account, registered to the reseller of the demo reseller user. */
  public String registeredPayer(String reseller) {
    String payer = TestRequests.randomPayer();
    register(reseller, payer);
    return payer;
  }

  /** The reseller id of a demo reseller user. */
  public static String resellerIdOf(String reseller) {
    assertThat(reseller).as("a demo reseller user").isIn("acme", "globex");
    return reseller.toUpperCase(Locale.ROOT);
  }

  /**
   * Registers the payer account to the reseller (unless it is already) and starts its offboarding
   * as the reseller.
   */
  public String start(String reseller, String payer) {
    register(reseller, payer);
    Api.Response created =
        api.postJson(reseller, "/api/offboardings", TestRequests.offboarding(payer));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  /** The id of the open task of that kind, as the given user finds it through engine-rest. */
  public String awaitTask(String user, String offboardingId, String taskDefinitionKey) {
    String path =
        "/engine-rest/task?processInstanceBusinessKey="
            + offboardingId
            + "&taskDefinitionKey="
            + taskDefinitionKey;
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get(user, path).json(), tasks -> tasks.size() == 1)
        .get(0)
        .path("id")
        .asText();
  }

  /** Completes a task as Tasklist submits its form. */
  public Api.Response submit(String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, Map.of("value", value)));
    return api.postJson(
        user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", values));
  }

  /** Claims a task as Tasklist's "Claim" button does. */
  public Api.Response claim(String user, String taskId) {
    return api.postJson(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
  }

  /** Waits for the open task, claims it and completes it; fails unless both succeed. */
  public void work(
      String user, String offboardingId, String taskDefinitionKey, Map<String, Object> outcome) {
    String task = awaitTask(user, offboardingId, taskDefinitionKey);
    assertThat(claim(user, task).status()).isEqualTo(204);
    Api.Response completed = submit(user, task, outcome);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  /**
   * IaaS sales approve the removal plan their task shows, as Tasklist submits it; returns the
   * task's form variables (the plan as shown).
   */
  public JsonNode approveRemovalPlan(String offboardingId) {
    String task = awaitTask("sales", offboardingId, "Task_ApproveRemovalPlan");
    JsonNode shown = api.get("sales", "/engine-rest/task/" + task + "/form-variables").json();
    assertThat(claim("sales", task).status()).isEqualTo(204);
    Api.Response approved = submit("sales", task, Map.of("planApproved", true));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
    return shown;
  }

  public JsonNode awaitView(String user, String offboardingId, Predicate<JsonNode> condition) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.get(user, "/api/offboardings/" + offboardingId).json(), condition::test);
  }

  public JsonNode awaitStatus(String user, String offboardingId, String status) {
    return awaitView(user, offboardingId, view -> view.path("status").asText().equals(status));
  }

  /** Uploads a signed CTA once the journey waits for it. */
  public void uploadSignedCta(String reseller, String offboardingId, byte[] pdf) {
    awaitView(reseller, offboardingId, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    Api.Response upload =
        api.put(
            reseller, "/api/offboardings/" + offboardingId + "/cta/signed", "application/pdf", pdf);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
  }

  /**
   * The reseller reads what to deploy for the automated access removal and deploys it: the payer
   * account in {@code aws} gets the cleanup role with this offboarding's ExternalId.
   */
  public FakeAws.Account deployCleanupRole(FakeAws aws, String reseller, String offboardingId) {
    Api.Response access =
        api.get(reseller, "/api/offboardings/" + offboardingId + "/cleanup-access");
    assertThat(access.status()).as(access.toString()).isEqualTo(200);
    return aws.account(access.json().path("payerAccountId").asText())
        .withCleanupRole(
            access.json().path("roleName").asText(), access.json().path("externalId").asText());
  }

  /** Makes a timer of the offboarding's process due now, as if its time had come. */
  public void fireTimer(String offboardingId, String timerActivityId) {
    String processInstanceId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(offboardingId)
            .singleResult()
            .getId();
    Job timer =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    managementService
                        .createJobQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(timerActivityId)
                        .singleResult(),
                Objects::nonNull);
    managementService.setJobDuedate(timer.getId(), new Date());
  }

  /** The ids of a page of offboardings, in the page's order. */
  public static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("content").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  public static boolean hasAction(JsonNode view, String action) {
    return !action(view, action).isMissingNode();
  }

  public static JsonNode action(JsonNode view, String action) {
    for (JsonNode open : view.path("openActions")) {
      if (open.path("action").asText().equals(action)) {
        return open;
      }
    }
    return MissingNode.getInstance();
  }
}
