package com.ingrammicro.masterpayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.system.Digests;
import com.ingrammicro.masterpayer.support.TestSmtp;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * The reseller API and the human tasks end to end, over HTTP, on the full application. Run on H2
 * ({@link H2JourneyIT}) and on PostgreSQL ({@link PostgresJourneyIT}); mail goes to a real SMTP
 * server. Human tasks are completed through engine-rest's {@code submit-form}, as Tasklist does.
 */
abstract class JourneyScenarios extends RunningApplication {

  private static final Duration PATIENCE = Journeys.PATIENCE;

  // --- the journey -----------------------------------------------------------------------------

  @Test
  void offboardingRunsFromRequestToCompletedThroughTheApiAndTaskForms() throws Exception {
    String payer = randomPayer();
    Api.Response created = api.postJson("acme", "/api/offboardings", request(payer));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/offboardings/" + id);
    assertThat(created.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(created.json().path("stage").asText()).isEqualTo("REVIEW");

    // IaaS sales review the request in their form, which shows the request's facts
    String review = awaitTask("sales", id, "Task_ReviewRequest");
    JsonNode formVariables = api.get("sales", "/engine-rest/task/" + review + "/form-variables").json();
    assertThat(formVariables.path("payerAccountId").path("value").asText()).isEqualTo(payer);
    assertThat(formVariables.path("newPartyName").path("value").asText()).isEqualTo("Contoso Distribution");
    assertThat(api.get("sales", "/engine-rest/task/" + review + "/deployed-form").json().path("id").asText())
        .isEqualTo("Form_ReviewRequest");
    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);

    // the reseller downloads the CTA, whose digest the response states, and uploads the signed copy
    JsonNode awaitingSignature = awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(awaitingSignature.path("stage").asText()).isEqualTo("CTA_SIGNATURE");
    assertThat(awaitingSignature.path("stagesDone").asInt()).isEqualTo(1);
    Api.Response cta = api.get("acme", "/api/offboardings/" + id + "/cta");
    assertThat(cta.status()).isEqualTo(200);
    assertThat(cta.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(cta.header("ETag")).isEqualTo("\"" + sha256(cta.body()) + "\"");
    assertThat(api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf",
        TestPdf.withText("signed by Acme only")).status()).isEqualTo(202);

    // sales send it back once, the reseller signs again, sales countersign
    String countersign = awaitTask("sales", id, "Task_CountersignCta");
    assertThat(submit("sales", countersign, Map.of("ctaAccepted", false,
        "ctaRejectionReason", "The assignee's signature is missing")).status()).isEqualTo(204);
    JsonNode sentBack = awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(action(sentBack, "UPLOAD_SIGNED_CTA").path("detail").asText()).contains("assignee's signature is missing");
    byte[] signed = TestPdf.withText("signed by Acme and Contoso");
    Api.Response upload = api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf", signed);
    assertThat(upload.status()).isEqualTo(202);
    assertThat(upload.json().path("sha256").asText()).isEqualTo(sha256(signed));
    assertThat(api.get("sales", "/api/offboardings/" + id + "/cta/signed").body()).isEqualTo(signed);
    countersign = awaitTask("sales", id, "Task_CountersignCta");
    assertThat(submit("sales", countersign, Map.of("ctaAccepted", true)).status()).isEqualTo(204);

    // the reseller deploys the cleanup role that the engine will assume, with this offboarding's ExternalId
    JsonNode deploy = action(awaitView("acme", id, view -> hasAction(view, "DEPLOY_CLEANUP_ROLE")), "DEPLOY_CLEANUP_ROLE");
    assertThat(deploy.path("href").asText()).isEqualTo("/api/offboardings/" + id + "/cleanup-access");
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);

    // billing handover (sales) and payment clearance (finance) run in parallel
    String billing = awaitTask("sales", id, "Task_HandOverBilling");
    String payment = awaitTask("finance", id, "Task_ConfirmPaymentClearance");
    assertThat(submit("finance", payment, Map.of("paymentCleared", false, "outstandingAmount", 1250.5)).status())
        .isEqualTo(204);
    JsonNode owing = awaitView("acme", id, view -> hasAction(view, "SETTLE_BALANCE"));
    assertThat(action(owing, "SETTLE_BALANCE").path("detail").asText()).contains("1250.50");
    String paymentAgain = awaitTask("finance", id, "Task_ConfirmPaymentClearance");
    assertThat(paymentAgain).isNotEqualTo(payment);
    assertThat(submit("finance", paymentAgain, Map.of("paymentCleared", true)).status()).isEqualTo(204);
    assertThat(submit("sales", billing, Map.of("billingHandedOver", true, "taxSettingsUpdated", true,
        "contactsUpdated", true)).status()).isEqualTo(204);

    // the engine removes the distributor's access on its own, verifies it, and keeps the evidence
    JsonNode completed = awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("stagesDone").asInt()).isEqualTo(5);
    assertThat(completed.path("endedAt").isMissingNode()).isFalse();
    assertThat(completed.path("openActions")).isEmpty();
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(completed.path("accessRemoval").path("planned")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
        "role IMBillingRole", "role CloudCheckrRole", "role CloudCheckr-CostOps", "policy IMMasterBilling",
        "policy CloudCheckrCostPolicy", "policy CloudCheckrBoundary");
    assertThat(completed.path("accessRemoval").path("remaining")).isEmpty();
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES)
        .containsAll(PayerAccounts.CUSTOMER_ROLES);
    assertThat(account.policyNames()).containsExactly("AppPolicy");
    JsonNode evidence = api.get("auditor", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("status").asText()).isEqualTo("VERIFIED");
    assertThat(evidence.path("plan").path("roleArn").asText())
        .isEqualTo("arn:aws:iam::" + payer + ":role/" + PayerAccounts.CLEANUP_ROLE);
    assertThat(evidence.path("calls")).hasSize(22).allSatisfy(call -> {
      assertThat(call.path("outcome").asText()).isEqualTo("DONE");
      assertThat(call.path("requestId").asText()).isNotBlank();
    });
    assertThat(evidence.path("verification").path("result").asText()).isEqualTo("VERIFIED");
    assertThat(AWS.assumedSessions()).as("plan, removal and verification: three short sessions named after the offboarding")
        .filteredOn(session -> session.contains(":" + payer + ":"))
        .containsExactly(Collections.nCopies(3, "arn:aws:iam::" + payer + ":role/" + PayerAccounts.CLEANUP_ROLE + "/" + id
            + " 900s").toArray(String[]::new));
    String processInstanceId = api.get("sales", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + id)
        .json().get(0).path("id").asText();
    assertThat(api.get("sales", "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId).json())
        .extracting(activity -> activity.path("activityId").asText())
        .contains("ServiceTask_PlanAccessRemoval", "ServiceTask_RemoveDistributorAccess", "ServiceTask_VerifyAccessRemoved")
        .as("no manual work").doesNotContain("Task_RemoveAccessManually");

    Map<String, MimeMessage> mails = awaitMails(id, "REQUEST_RECEIVED", "CTA_FOR_SIGNATURE",
        "CTA_RESIGNATURE_REQUESTED", "PAYMENT_CHECK_REQUESTED", "PAYMENT_OUTSTANDING", "OFFBOARDING_COMPLETED");
    assertThat(recipients(mails.get("REQUEST_RECEIVED"))).containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(mails.get("REQUEST_RECEIVED").getSubject()).contains(payer);
    assertThat(recipients(mails.get("CTA_FOR_SIGNATURE"))).containsExactly("ops@acme.example");
    assertThat(attachmentNames(mails.get("CTA_FOR_SIGNATURE"))).containsExactly("consent-to-assignment-" + payer + ".pdf");
    assertThat(text(mails.get("CTA_FOR_SIGNATURE"))).contains("/api/offboardings/" + id + "/cleanup-access");
    assertThat(text(mails.get("CTA_RESIGNATURE_REQUESTED"))).contains("The assignee's signature is missing");
    assertThat(recipients(mails.get("PAYMENT_CHECK_REQUESTED"))).containsExactly("aws-finance@ingrammicro.example");
    assertThat(recipients(mails.get("PAYMENT_OUTSTANDING")))
        .containsExactlyInAnyOrder("ops@acme.example", "aws-finance@ingrammicro.example");
    assertThat(text(mails.get("PAYMENT_OUTSTANDING"))).contains("1250.50");
    assertThat(recipients(mails.get("OFFBOARDING_COMPLETED"))).containsExactlyInAnyOrder("ops@acme.example",
        "billing@contoso.example", "aws-iaas-sales@ingrammicro.example", "aws-finance@ingrammicro.example");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED"))).contains("Verified through AWS: nothing of the distributor remains");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED"))).contains("aws cloudformation delete-stack");
  }

  // --- the removal of the distributor's access -------------------------------------------------

  @Test
  void whenTheCleanupRoleCannotBeAssumedSalesRemoveAccessByHandAndTheirAttestationIsRecorded() throws Exception {
    String payer = randomPayer();
    String id = start("acme", payer);
    driveToAccessRemoval(id); // the reseller never deploys the cleanup role

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText()).contains("could not be assumed", "AccessDenied");
    assertThat(api.get("acme", "/api/offboardings/" + id).json().path("accessRemoval").path("status").asText())
        .isEqualTo("BLOCKED");
    Api.Response lateWithdrawal = api.postJson("acme", "/api/offboardings/" + id + "/withdrawal", Map.of());
    assertThat(lateWithdrawal.status()).isEqualTo(409);
    assertThat(lateWithdrawal.json().path("type").asText()).endsWith("withdrawal-too-late");

    assertThat(submit("sales", removal, Map.of("accessRemoved", true, "notes", "Deleted in the console with the customer"))
        .status()).isEqualTo(204);

    JsonNode completed = awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).as("attested, not verified").isEqualTo("ATTESTED");
    JsonNode evidence = api.get("acme", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("attestation").path("by").asText()).isEqualTo("sales");
    Map<String, MimeMessage> mails = awaitMails(id, "ACCESS_REMOVAL_NEEDED", "OFFBOARDING_COMPLETED");
    assertThat(recipients(mails.get("ACCESS_REMOVAL_NEEDED"))).containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(text(mails.get("ACCESS_REMOVAL_NEEDED"))).contains("could not be assumed");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED"))).contains("Removed by hand and attested; not verified through AWS");
    assertThat(evidence.path("attestation").path("notes").asText()).isEqualTo("Deleted in the console with the customer");
    assertThat(evidence.path("verification").path("result").asText()).isEqualTo("UNVERIFIABLE");
    assertThat(evidence.path("calls")).isEmpty();
  }

  @Test
  void whenTheResellerDeploysTheCleanupRoleLateSalesRunTheAutomationAgain() {
    String payer = randomPayer();
    String id = start("acme", payer);
    driveToAccessRemoval(id);
    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");

    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    assertThat(submit("sales", removal, Map.of("retryAutomation", true, "notes", "Role deployed by Acme today"))
        .status()).isEqualTo(204);

    JsonNode completed = awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
    assertThat(api.get("acme", "/api/offboardings/" + id + "/access-removal").json().path("attestation").isMissingNode())
        .as("nothing attested by hand").isTrue();
  }

  @Test
  void accessDeniedHalfwayHandsOverWhatRemainsAndAConfirmationAwsContradictsDoesNotComplete() {
    String payer = randomPayer();
    String id = start("acme", payer);
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null)
        .fail("DeleteRolePolicy", -1, 403, "AccessDenied");
    driveToAccessRemoval(id);

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText()).contains("role CloudCheckrRole", "AccessDenied");
    assertThat(form.path("cleanupRemaining").path("value").asText()).contains("- role CloudCheckrRole")
        .doesNotContain("IMBillingRole");
    assertThat(account.roleNames()).doesNotContain("IMBillingRole").contains("CloudCheckrRole");

    account.heal();
    submit("sales", removal, Map.of("accessRemoved", true));

    String again = awaitTask("sales", id, "Task_RemoveAccessManually");
    assertThat(again).isNotEqualTo(removal);
    JsonNode view = api.get("acme", "/api/offboardings/" + id).json();
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("accessRemoval").path("status").asText()).isEqualTo("REMAINING");
    assertThat(view.path("accessRemoval").path("remaining")).extracting(JsonNode::asText).contains("role CloudCheckrRole");
  }

  @Test
  void awsFailingForAWhileIsRetriedAndFailingForGoodBecomesAnIncidentThatResumes() {
    String payer = randomPayer();
    String id = start("acme", payer);
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null)
        .fail("ListRoles", 2, 400, "Throttling")
        .fail("DeleteRole", 1, 503, "ServiceUnavailable")
        .fail("ListPolicies", -1, 500, "ServiceFailure");
    driveToAccessRemoval(id);

    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    await().atMost(PATIENCE).until(() -> runtimeService.createIncidentQuery().processInstanceId(processInstanceId)
        .activityId("ServiceTask_PlanAccessRemoval").count() == 1);
    assertThat(api.get("acme", "/api/offboardings/" + id).json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(account.roleNames()).as("nothing removed before the plan exists").contains("IMBillingRole");

    account.heal();
    Job failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException().singleResult();
    managementService.setJobRetries(failed.getId(), 1);

    JsonNode completed = awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
  }

  @Test
  void cleanupAccessGivesTheResellerALeastPrivilegeRoleForThisOffboardingOnly() {
    String payer = randomPayer();
    String id = start("acme", payer);
    String other = start("acme", randomPayer());

    JsonNode access = api.get("acme", "/api/offboardings/" + id + "/cleanup-access").json();
    JsonNode template = api.get("acme", "/api/offboardings/" + id + "/cleanup-access/template").json();

    String externalId = access.path("externalId").asText();
    assertThat(externalId).hasSizeGreaterThanOrEqualTo(32)
        .isEqualTo(api.get("acme", "/api/offboardings/" + id + "/cleanup-access").json().path("externalId").asText())
        .isNotEqualTo(api.get("acme", "/api/offboardings/" + other + "/cleanup-access").json().path("externalId").asText());
    assertThat(access.path("trustedPrincipal").asText()).isEqualTo(FakeAws.ENGINE_PRINCIPAL);
    assertThat(access.path("roleArn").asText()).isEqualTo("arn:aws:iam::" + payer + ":role/" + PayerAccounts.CLEANUP_ROLE);
    assertThat(template).isEqualTo(access.path("cloudFormationTemplate"));
    JsonNode role = template.path("Resources").path("OffboardingCleanupRole").path("Properties");
    JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement").get(0);
    assertThat(trust.path("Principal").path("AWS").asText()).isEqualTo(FakeAws.ENGINE_PRINCIPAL);
    assertThat(trust.path("Condition").path("StringEquals").path("sts:ExternalId").asText()).isEqualTo(externalId);
    JsonNode statements = role.path("Policies").get(0).path("PolicyDocument").path("Statement");
    assertThat(statements).extracting(statement -> statement.path("Effect").asText() + " " + statement.path("Sid").asText())
        .contains("Deny NeverChangeThisRole");
    statements.forEach(statement -> statement.path("Action").forEach(action ->
        assertThat(action.asText()).as("no wildcard grants").isNotEqualTo("iam:*").isNotEqualTo("*")));
    assertThat(api.get("globex", "/api/offboardings/" + id + "/cleanup-access").status()).isEqualTo(404);
  }

  @Test
  void rejectedRequestEndsRejectedAndTellsTheResellerWhy() throws Exception {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    submit("sales", review, Map.of("approved", false, "rejectionReason", "Payer account is not registered to Acme"));

    JsonNode rejected = awaitView("acme", id, view -> view.path("status").asText().equals("REJECTED"));
    assertThat(rejected.path("statusReason").asText()).isEqualTo("Payer account is not registered to Acme");
    assertThat(rejected.path("openActions")).isEmpty();
    MimeMessage mail = awaitMails(id, "REQUEST_REJECTED").get("REQUEST_REJECTED");
    assertThat(recipients(mail)).containsExactly("ops@acme.example");
    assertThat(text(mail)).contains("Payer account is not registered to Acme");
    assertThat(api.get("acme", "/api/offboardings/" + id + "/cta").status()).isEqualTo(409);
  }

  @Test
  void overdueTaskIsEscalatedAndListedInItsGroupsOverdueFilter() throws Exception {
    String payer = randomPayer();
    String id = start("acme", payer);
    String review = awaitTask("sales", id, "Task_ReviewRequest");
    Api.Response read = api.get("admin", "/engine-rest/task/" + review);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    JsonNode task = read.json();
    assertThat(task.path("name").asText()).isEqualTo("Review offboarding request – payer " + payer + " (ACME)");
    assertThat(filterTasks("sales", "My group's open tasks")).contains(review);
    assertThat(filterTasks("sales", "Overdue")).doesNotContain(review);

    // the deadline passes: moved into the past in Tasklist, the escalation follows the task's due date
    ObjectNode overdue = taskUpdate(task);
    overdue.put("due", "2026-01-05T09:30:00.000+0000");
    Api.Response moved = api.putJson("admin", "/engine-rest/task/" + review, overdue);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);

    MimeMessage escalation = awaitMails(id, "TASK_OVERDUE").get("TASK_OVERDUE");
    assertThat(recipients(escalation))
        .containsExactlyInAnyOrder("aws-offboarding-escalations@ingrammicro.example", "aws-iaas-sales@ingrammicro.example");
    assertThat(escalation.getSubject())
        .isEqualTo("Overdue: \"Review offboarding request\" for payer " + payer + " was due 2026-01-05 09:30 UTC");
    assertThat(text(escalation)).contains("/camunda/app/tasklist/default/#/?task=" + review);
    assertThat(filterTasks("sales", "Overdue")).contains(review);
    assertThat(filterTasks("finance", "Overdue")).doesNotContain(review);

    // a due date cannot be taken away, and the overdue task can still be worked
    ObjectNode withoutDue = taskUpdate(task);
    withoutDue.putNull("due");
    Api.Response refused = api.putJson("admin", "/engine-rest/task/" + review, withoutDue);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("keeps its due date");
    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);
  }

  @Test
  void remindersGoToTheRightPeopleAndAnUnsignedCtaExpires() throws Exception {
    String id = start("acme", randomPayer());
    awaitTask("sales", id, "Task_ReviewRequest");

    fireTimer(id, "BoundaryEvent_ReviewReminder");
    MimeMessage reviewReminder = awaitMails(id, "TASK_REMINDER").get("TASK_REMINDER");
    assertThat(recipients(reviewReminder)).containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(reviewReminder.getSubject()).contains("Review offboarding request");
    assertThat(text(reviewReminder)).contains("nobody yet (any member of iaas-sales can claim it)");

    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    fireTimer(id, "BoundaryEvent_CtaReminder");
    MimeMessage signatureReminder = awaitMails(id, "CTA_SIGNATURE_REMINDER").get("CTA_SIGNATURE_REMINDER");
    assertThat(recipients(signatureReminder)).containsExactly("ops@acme.example");
    assertThat(attachmentNames(signatureReminder)).hasSize(1);

    fireTimer(id, "BoundaryEvent_CtaExpired");
    JsonNode expired = awaitView("acme", id, view -> view.path("status").asText().equals("EXPIRED"));
    assertThat(expired.path("statusReason").asText()).contains("30 days");
    assertThat(recipients(awaitMails(id, "CTA_EXPIRED").get("CTA_EXPIRED")))
        .containsExactlyInAnyOrder("ops@acme.example", "aws-iaas-sales@ingrammicro.example");
  }

  @Test
  void invalidTaskCompletionIsRefusedWithTheRuleAndTheTaskStaysOpen() {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response refused = submit("sales", review, Map.of("approved", false));
    Api.Response refusedViaComplete = api.postJson("sales", "/engine-rest/task/" + review + "/complete",
        Map.of("variables", Map.of("approved", Map.of("value", "maybe"))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("'rejectionReason' is required");
    assertThat(refusedViaComplete.status()).isEqualTo(400);
    assertThat(refusedViaComplete.json().path("message").asText()).contains("'approved' must be true or false");
    assertThat(awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(review);
  }

  @Test
  void aTaskAcceptsOnlyItsOutcomeSoACompletionCannotRewriteTheJourneysFacts() {
    String target = start("acme", randomPayer());
    String victim = start("acme", randomPayer());
    String review = awaitTask("sales", target, "Task_ReviewRequest");
    awaitTask("sales", victim, "Task_ReviewRequest");

    Api.Response redirected = submit("sales", review, Map.of("approved", true, "offboardingId", victim));
    Api.Response renamed = api.postJson("sales", "/engine-rest/task/" + review + "/complete", Map.of("variables",
        Map.of("approved", Map.of("value", true), "payerAccountId", Map.of("value", "999999999999"))));
    Api.Response retyped = api.postJson("sales", "/engine-rest/task/" + review + "/resolve", Map.of("variables",
        Map.of("approved", Map.of("value", true, "type", "String"))));
    Api.Response variableSet = api.putJson("sales", "/engine-rest/task/" + review + "/variables/resellerId",
        Map.of("value", 42, "type", "Integer"));

    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(400);
    assertThat(redirected.json().path("message").asText())
        .contains("'offboardingId' is not part of this task's outcome, which is approved (true or false), rejectionReason (text)");
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(400);
    assertThat(renamed.json().path("problems").toString()).contains("'payerAccountId' is not part of this task's outcome");
    assertThat(retyped.status()).as(retyped.toString()).isEqualTo(400);
    assertThat(retyped.json().path("message").asText()).contains("'approved' must be true or false");
    assertThat(variableSet.status()).as(variableSet.toString()).isEqualTo(403);
    assertThat(awaitTask("sales", target, "Task_ReviewRequest")).isEqualTo(review);
    assertThat(runtimeService.getVariable(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(target)
        .singleResult().getId(), "resellerId")).isEqualTo("ACME");

    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);
    awaitView("acme", target, view -> view.path("stage").asText().equals("CTA_SIGNATURE"));
    assertThat(api.get("acme", "/api/offboardings/" + victim).json().path("stage").asText()).isEqualTo("REVIEW");
    assertThat(api.get("acme", "/api/offboardings/" + victim + "/cta").status()).isEqualTo(409);
  }

  @Test
  void resellerWithdrawsBeforeAccessRemovalAndAllPartiesAreTold() throws Exception {
    String id = start("acme", randomPayer());
    awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response withdrawn = api.postJson("acme", "/api/offboardings/" + id + "/withdrawal",
        Map.of("reason", "The customer decided to stay"));

    assertThat(withdrawn.status()).isEqualTo(202);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("statusReason").asText()).isEqualTo("The customer decided to stay");
    assertThat(api.get("sales", "/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
    Api.Response again = api.postJson("acme", "/api/offboardings/" + id + "/withdrawal", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("type").asText()).endsWith("offboarding-ended");
    MimeMessage mail = awaitMails(id, "WITHDRAWAL_CONFIRMED").get("WITHDRAWAL_CONFIRMED");
    assertThat(recipients(mail)).containsExactlyInAnyOrder("ops@acme.example", "aws-iaas-sales@ingrammicro.example",
        "aws-finance@ingrammicro.example");
  }

  // --- one active offboarding per payer, idempotency ------------------------------------------

  @Test
  void secondActiveOffboardingForPayerIsRefusedWithTheExistingId() {
    String payer = randomPayer();
    String first = start("acme", payer);

    Api.Response second = api.postJson("acme", "/api/offboardings", request(payer));
    Api.Response byAnotherReseller = api.postJson("globex", "/api/offboardings", request(payer));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(second.json().path("offboardingId").asText()).isEqualTo(first);
    assertThat(byAnotherReseller.status()).isEqualTo(409);
    assertThat(byAnotherReseller.json().has("offboardingId")).as("no id of another reseller's offboarding").isFalse();
  }

  @Test
  void concurrentStartsForOnePayerLetExactlyOneWin() throws Exception {
    String payer = randomPayer();
    List<Api.Response> responses = concurrently(8, () -> api.postJson("acme", "/api/offboardings", request(payer)));

    List<Api.Response> created = responses.stream().filter(response -> response.status() == 201).toList();
    assertThat(created).hasSize(1);
    String winner = created.get(0).json().path("id").asText();
    assertThat(responses).filteredOn(response -> response.status() != 201)
        .hasSize(7)
        .allSatisfy(response -> {
          assertThat(response.status()).isEqualTo(409);
          assertThat(response.json().path("offboardingId").asText()).isEqualTo(winner);
        });
    assertThat(listIds("acme", "IN_PROGRESS").stream().filter(winner::equals)).hasSize(1);
  }

  @Test
  void retryWithTheSameIdempotencyKeyReplaysTheOriginal() throws Exception {
    String payer = randomPayer();
    Map<String, String> key = Map.of("Idempotency-Key", "order-" + payer);

    Api.Response first = api.postJson("acme", "/api/offboardings", request(payer), key);
    Api.Response retry = api.postJson("acme", "/api/offboardings", request(payer), key);
    List<Api.Response> concurrentRetries = concurrently(4, () -> api.postJson("acme", "/api/offboardings", request(payer), key));
    Map<String, Object> otherBody = new LinkedHashMap<>(request(payer));
    otherBody.put("reason", "Something else entirely");
    Api.Response reusedKey = api.postJson("acme", "/api/offboardings", otherBody, key);

    assertThat(first.status()).isEqualTo(201);
    String id = first.json().path("id").asText();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.json().path("id").asText()).isEqualTo(id);
    assertThat(concurrentRetries).allSatisfy(response -> {
      assertThat(response.status()).isEqualTo(201);
      assertThat(response.json().path("id").asText()).isEqualTo(id);
    });
    assertThat(reusedKey.status()).isEqualTo(422);
    assertThat(reusedKey.json().path("type").asText()).endsWith("idempotency-key-reused");
  }

  // --- validation ------------------------------------------------------------------------------

  @Test
  void invalidRequestsAreAnsweredWithProblemDetailsNamingEachField() {
    Api.Response invalid = api.postJson("acme", "/api/offboardings", Map.of(
        "payerAccountId", "12345", "reason", " ", "contactEmail", "not-an-email",
        "newResponsibleParty", Map.of("name", "", "email", "billing@contoso.example", "kind", "DISTRIBUTOR")));
    Api.Response unknownKind = api.postJson("acme", "/api/offboardings", Map.of(
        "payerAccountId", randomPayer(), "reason", "r", "contactEmail", "ops@acme.example",
        "newResponsibleParty", Map.of("name", "X", "email", "x@example.com", "kind", "COMPETITOR")));
    Api.Response malformed = api.postJson("acme", "/api/offboardings", "{\"payerAccountId\": ");
    Api.Response badId = api.get("acme", "/api/offboardings/not-a-uuid");
    Api.Response badStatus = api.get("acme", "/api/offboardings?status=DONE");
    Api.Response badPage = api.get("acme", "/api/offboardings?size=1000");
    Api.Response badKey = api.postJson("acme", "/api/offboardings", request(randomPayer()),
        Map.of("Idempotency-Key", "has spaces in it"));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
    List<String> fields = new ArrayList<>();
    invalid.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("contactEmail", "newResponsibleParty.name", "payerAccountId", "reason");
    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.json().path("detail").asText())
        .contains("newResponsibleParty.kind").contains("DISTRIBUTOR, RESELLER, END_CUSTOMER");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asText()).contains("not well-formed JSON");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("detail").asText()).contains("is not a UUID");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().path("detail").asText()).contains("printable ASCII");
  }

  @Test
  void signedCtaUploadMustBeAnAwaitedSmallEnoughReadablePdf() {
    String id = start("acme", randomPayer());
    String path = "/api/offboardings/" + id + "/cta/signed";

    Api.Response tooEarly = api.put("acme", path, "application/pdf", TestPdf.withText("early"));
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    Api.Response notPdfType = api.put("acme", path, "image/png", TestPdf.withText("png?"));
    Api.Response fakePdf = api.put("acme", path, "application/pdf", "%PDF-1.7 this is no pdf".getBytes());
    Api.Response tooLarge = api.put("acme", path, "application/pdf", new byte[300 * 1024]);
    Api.Response byStaff = api.put("sales", path, "application/pdf", TestPdf.withText("staff"));

    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(notPdfType.status()).isEqualTo(415);
    assertThat(fakePdf.status()).isEqualTo(415);
    assertThat(fakePdf.json().path("type").asText()).endsWith("not-a-pdf");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(byStaff.status()).isEqualTo(403);
    assertThat(api.get("acme", path).status()).as("nothing stored").isEqualTo(409);
  }

  // --- who may see and do what -----------------------------------------------------------------

  @Test
  void resellersNeverReachAnotherResellersOffboardings() {
    String acmes = start("acme", randomPayer());

    assertThat(api.get("globex", "/api/offboardings/" + acmes).status()).isEqualTo(404);
    assertThat(api.get("globex", "/api/offboardings/" + acmes + "/cta").status()).isEqualTo(404);
    assertThat(api.postJson("globex", "/api/offboardings/" + acmes + "/withdrawal", Map.of()).status()).isEqualTo(404);
    assertThat(api.put("globex", "/api/offboardings/" + acmes + "/cta/signed", "application/pdf", TestPdf.withText("x"))
        .status()).isEqualTo(404);
    assertThat(listIds("globex", null)).doesNotContain(acmes);
    assertThat(listIds("acme", null)).contains(acmes);
    assertThat(api.get("sales", "/api/offboardings/" + acmes).status()).as("staff read all").isEqualTo(200);
    assertThat(api.get("auditor", "/api/offboardings/" + acmes).status()).isEqualTo(200);
  }

  @Test
  void unauthenticatedAndWrongRoleRequestsAreRefused() {
    Api.Response anonymous = api.get(null, "/api/offboardings");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    // Camunda throttles logins after a wrong password, so these use users no other test logs in as.
    assertThat(api.get("admin:wrong-password", "/api/offboardings").status()).isEqualTo(401);
    assertThat(api.get("nobody:secret", "/api/offboardings").status()).isEqualTo(401);
    assertThat(api.postJson(null, "/api/offboardings", request(randomPayer())).status()).isEqualTo(401);
    assertThat(api.postJson("sales", "/api/offboardings", request(randomPayer())).status()).isEqualTo(403);
    assertThat(api.postJson("auditor", "/api/offboardings", request(randomPayer())).status()).isEqualTo(403);

    assertThat(api.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(api.get("admin:wrong-password", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(api.get("acme", "/engine-rest/task").status()).isEqualTo(403);
    assertThat(api.postJson("acme", "/engine-rest/process-definition/key/masterPayerOffboarding/start", Map.of()).status())
        .isEqualTo(403);
    assertThat(api.get("sales", "/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  void engineAuthorizationsKeepEachGroupToItsOwnTasks() {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    assertThat(api.get("finance", "/engine-rest/task?processInstanceBusinessKey=" + id).json()).isEmpty();
    Api.Response financeCompletes = submit("finance", review, Map.of("approved", true));
    Api.Response auditorCompletes = submit("auditor", review, Map.of("approved", true));

    assertThat(financeCompletes.status()).isEqualTo(403);
    assertThat(auditorCompletes.status()).isEqualTo(403);
    assertThat(awaitTask("sales", id, "Task_ReviewRequest")).isEqualTo(review);
  }

  @Test
  void resellersCannotLogInToTasklistOrCockpit() {
    assertThat(webappLogin("acme", "tasklist").status()).isEqualTo(403);
    assertThat(webappLogin("acme", "cockpit").status()).isEqualTo(403);
    assertThat(webappLogin("sales", "cockpit").status()).isEqualTo(403);
    Api.Response sales = webappLogin("sales", "tasklist");
    assertThat(sales.status()).as(sales.toString()).isEqualTo(200);
    assertThat(sales.json().path("authorizedApps").toString()).contains("tasklist");
  }

  @Test
  void listIsPagedNewestFirstAndFilteredByStatus() {
    String older = start("globex", randomPayer());
    String newer = start("globex", randomPayer());
    String withdrawn = start("globex", randomPayer());
    api.postJson("globex", "/api/offboardings/" + withdrawn + "/withdrawal", Map.of());

    JsonNode firstPage = api.get("globex", "/api/offboardings?size=2").json();
    JsonNode inProgress = api.get("globex", "/api/offboardings?status=IN_PROGRESS&size=100").json();
    JsonNode withdrawnOnly = api.get("globex", "/api/offboardings?status=WITHDRAWN&size=100").json();

    assertThat(firstPage.path("content")).hasSize(2);
    assertThat(firstPage.path("content").get(0).path("id").asText()).isEqualTo(withdrawn);
    assertThat(firstPage.path("content").get(1).path("id").asText()).isEqualTo(newer);
    assertThat(firstPage.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(Journeys.ids(inProgress)).contains(older, newer).doesNotContain(withdrawn);
    assertThat(Journeys.ids(withdrawnOnly)).contains(withdrawn).doesNotContain(older, newer);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The fields of a task that {@code PUT /engine-rest/task/{id}} takes, as Tasklist sends them. */
  private static ObjectNode taskUpdate(JsonNode task) {
    ObjectNode update = JsonNodeFactory.instance.objectNode();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
        "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
      update.set(field, task.path(field).isMissingNode() ? NullNode.getInstance() : task.get(field));
    }
    return update;
  }

  /** The ids of the tasks a user sees in a Tasklist filter, as Tasklist lists them. */
  private List<String> filterTasks(String user, String filterName) {
    JsonNode filters = api.get(user, "/engine-rest/filter?resourceType=Task&name="
        + URLEncoder.encode(filterName, StandardCharsets.UTF_8)).json();
    assertThat(filters).as(user + " sees the filter " + filterName).hasSize(1);
    JsonNode tasks = api.postJson(user, "/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list", Map.of()).json();
    List<String> ids = new ArrayList<>();
    tasks.forEach(listed -> ids.add(listed.path("id").asText()));
    return ids;
  }

  static String randomPayer() {
    return TestRequests.randomPayer();
  }

  /** Approval, a signed and countersigned CTA, billing handed over and payments cleared. */
  void driveToAccessRemoval(String id) {
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf",
        TestPdf.withText("signed by Acme and Contoso")).status()).isEqualTo(202);
    submit("sales", awaitTask("sales", id, "Task_CountersignCta"), Map.of("ctaAccepted", true));
    submit("finance", awaitTask("finance", id, "Task_ConfirmPaymentClearance"), Map.of("paymentCleared", true));
    submit("sales", awaitTask("sales", id, "Task_HandOverBilling"),
        Map.of("billingHandedOver", true, "taxSettingsUpdated", true, "contactsUpdated", true));
  }

  static Map<String, Object> request(String payer) {
    return TestRequests.offboarding(payer);
  }

  void fireTimer(String offboardingId, String timerActivityId) {
    journeys.fireTimer(offboardingId, timerActivityId);
  }

  String start(String reseller, String payer) {
    return journeys.start(reseller, payer);
  }

  String awaitTask(String user, String offboardingId, String taskDefinitionKey) {
    return journeys.awaitTask(user, offboardingId, taskDefinitionKey);
  }

  Api.Response submit(String user, String taskId, Map<String, Object> variables) {
    return journeys.submit(user, taskId, variables);
  }

  JsonNode awaitView(String user, String offboardingId, Predicate<JsonNode> condition) {
    return journeys.awaitView(user, offboardingId, condition);
  }

  static boolean hasAction(JsonNode view, String action) {
    return Journeys.hasAction(view, action);
  }

  static JsonNode action(JsonNode view, String action) {
    return Journeys.action(view, action);
  }

  List<String> listIds(String user, String status) {
    return Journeys.ids(api.get(user, "/api/offboardings?size=100" + (status == null ? "" : "&status=" + status)).json());
  }

  static Map<String, MimeMessage> awaitMails(String offboardingId, String... notifications) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
      Map<String, MimeMessage> byNotification = new LinkedHashMap<>();
      SMTP.mailsAbout(offboardingId).forEach(mail ->
          byNotification.put(TestSmtp.header(mail, "X-Offboarding-Notification"), mail));
      return byNotification;
    }, mails -> mails.keySet().containsAll(Arrays.asList(notifications)));
  }

  static List<String> recipients(MimeMessage mail) throws Exception {
    return Arrays.stream(mail.getRecipients(RecipientType.TO)).map(address -> ((InternetAddress) address).getAddress()).toList();
  }

  /** The plain-text body, wherever the message nests it. */
  static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  static List<String> attachmentNames(MimeMessage mail) throws Exception {
    List<String> names = new ArrayList<>();
    if (mail.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
          names.add(multipart.getBodyPart(i).getFileName());
        }
      }
    }
    return names;
  }

  static String sha256(byte[] content) {
    return Digests.sha256Hex(content);
  }

  /** Logs in to a Camunda webapp as its login page does: session cookie plus CSRF token. */
  Api.Response webappLogin(String user, String app) {
    Map<String, String> cookies = new LinkedHashMap<>();
    api.get(null, "/camunda/app/tasklist/default/").headers().allValues("Set-Cookie").forEach(cookie -> {
      String pair = cookie.substring(0, cookie.indexOf(';'));
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    });
    assertThat(cookies).containsKeys("JSESSIONID", "XSRF-TOKEN");
    String cookieHeader = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    return api.postForm("/camunda/api/admin/auth/user/default/login/" + app, "username=" + user + "&password=" + user,
        Map.of("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"), "Cookie", cookieHeader));
  }

  static List<Api.Response> concurrently(int callers, java.util.concurrent.Callable<Api.Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> future : futures) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
