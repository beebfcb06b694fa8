package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What completing a human task may do: give its outcome, of the right types, as a member of the
 * task's group, and nothing else; the journey's facts come from the offboarding record, so process
 * variables that someone changed (an administrator may, through engine-rest) neither rename the
 * tasks nor break the reseller's calls. On H2 only: these rules are enforced in front of the engine
 * (the task-outcome rules) and by engine authorizations, not by the database.
 */
@OnH2
class TaskRulesIT extends JourneyScenario {

  @Test
  void invalidTaskCompletionIsRefusedWithTheRuleAndTheTaskStaysOpen() {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response refused = submit("sales", review, Map.of("approved", false));
    Api.Response refusedViaComplete =
        api.postJson(
            "sales",
            "/engine-rest/task/" + review + "/complete",
            Map.of("variables", Map.of("approved", Map.of("value", "maybe"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'rejectionReason' is required");
    assertThat(refusedViaComplete.status()).isEqualTo(400);
    assertThat(refusedViaComplete.json().path("message").asText())
        .contains("'approved' must be true or false");
    assertThat(awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(review);
  }

  @Test
  void aTaskAcceptsOnlyItsOutcomeSoACompletionCannotRewriteTheJourneysFacts() {
    String target = start("acme", randomPayer());
    String victim = start("acme", randomPayer());
    String review = awaitTask("sales", target, "Task_ReviewRequest");
    awaitTask("sales", victim, "Task_ReviewRequest");

    Api.Response redirected =
        submit("sales", review, Map.of("approved", true, "offboardingId", victim));
    Api.Response renamed =
        api.postJson(
            "sales",
            "/engine-rest/task/" + review + "/complete",
            Map.of(
                "variables",
                Map.of(
                    "approved",
                    Map.of("value", true),
                    "payerAccountId",
                    Map.of("value", "999999999999"))));
    Api.Response retyped =
        api.postJson(
            "sales",
            "/engine-rest/task/" + review + "/resolve",
            Map.of("variables", Map.of("approved", Map.of("value", true, "type", "String"))));
    Api.Response variableSet =
        api.putJson(
            "sales",
            "/engine-rest/task/" + review + "/variables/resellerId",
            Map.of("value", 42, "type", "Integer"));

    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(400);
    assertThat(redirected.json().path("message").asText())
        .contains(
            "'offboardingId' is not part of this task's outcome, which is approved (true or false), rejectionReason (text)");
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(400);
    assertThat(renamed.json().path("problems").toString())
        .contains("'payerAccountId' is not part of this task's outcome");
    assertThat(retyped.status()).as(retyped.toString()).isEqualTo(400);
    assertThat(retyped.json().path("message").asText())
        .contains("'approved' must be true or false");
    assertThat(variableSet.status()).as(variableSet.toString()).isEqualTo(403);
    assertThat(awaitTask("sales", target, "Task_ReviewRequest")).isEqualTo(review);
    assertThat(
            runtimeService.getVariable(
                runtimeService
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(target)
                    .singleResult()
                    .getId(),
                "resellerId"))
        .isEqualTo("ACME");

    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);
    awaitView("acme", target, view -> view.path("stage").asText().equals("CTA_SIGNATURE"));
    assertThat(api.get("acme", "/api/offboardings/" + victim).json().path("stage").asText())
        .isEqualTo("REVIEW");
    assertThat(api.get("acme", "/api/offboardings/" + victim + "/cta").status()).isEqualTo(409);
  }

  @Test
  void engineAuthorizationsKeepEachGroupToItsOwnTasks() {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    assertThat(api.get("finance", "/engine-rest/task?processInstanceBusinessKey=" + id).json())
        .isEmpty();
    Api.Response financeCompletes = submit("finance", review, Map.of("approved", true));
    Api.Response auditorCompletes = submit("auditor", review, Map.of("approved", true));

    assertThat(financeCompletes.status()).isEqualTo(403);
    assertThat(auditorCompletes.status()).isEqualTo(403);
    assertThat(awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(review);
  }

  @Test
  void aResellerIdOverwrittenAsANumberNeitherFailsTheSignedCtaUploadNorRenamesTheCountersignTask() {
    String payer = TestRequests.randomPayer();
    String id = journeys.start("acme", payer);
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    String processInstance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    // as an administrator can through engine-rest or Cockpit (set in Java here: the test is about
    // the
    // journey's facts, not about the administrator's login)
    runtimeService.setVariable(processInstance, "resellerId", 42);
    runtimeService.setVariable(processInstance, "payerAccountId", "999999999999");

    Api.Response upload =
        api.put(
            "acme",
            "/api/offboardings/" + id + "/cta/signed",
            "application/pdf",
            TestPdf.withText("signed by Acme and Contoso"));

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String countersign = journeys.awaitTask("sales", id, "Task_CountersignCta");
    assertThat(api.get("sales", "/engine-rest/task/" + countersign).json().path("name").asText())
        .isEqualTo("Countersign CTA – payer " + payer + " (ACME)");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstance).count())
        .isZero();
  }
}
