package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import com.ingrammicro.masterpayer.support.TestDocuSign;
import com.ingrammicro.masterpayer.support.TestPdf;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole journey, from the reseller's request to the verified removal of the distributor's
 * access: review, the CTA signed, sent back once and countersigned, billing handed over and an
 * outstanding balance settled in parallel, the automated access removal with its evidence, and
 * every mail; and the same with the CTA signed through DocuSign. Run on H2 ({@link
 * H2FullJourneyIT}) and on PostgreSQL ({@link PostgresFullJourneyIT}): it writes and reads every
 * table of the application.
 */
abstract class FullJourneyScenarios extends JourneyScenario {

  /**
   * The journey with the CTA signed in DocuSign: the envelope goes out when the CTA is issued, its
   * completion moves the journey on its own (the operation log names DocuSign), and the envelope's
   * evidence is in the audit trail.
   */
  @Test
  void offboardingCompletesWithTheCtaSignedThroughDocuSign() throws Exception {
    String payer = randomPayer();
    String id = start("acme", payer);
    String envelopeId = DOCUSIGN.expectEnvelope(id);
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));

    // the envelope carries the CTA as issued, to the reseller first and the new party second
    byte[] issued =
        await()
            .atMost(PATIENCE)
            .until(
                () -> api.get("acme", "/api/offboardings/" + id + "/cta"), r -> r.status() == 200)
            .body();
    JsonNode envelope =
        await()
            .atMost(PATIENCE)
            .until(() -> DOCUSIGN.envelopeCreations(id), list -> !list.isEmpty())
            .get(0);
    assertThat(
            java.util.Base64.getDecoder()
                .decode(envelope.path("documents").get(0).path("documentBase64").asText()))
        .isEqualTo(issued);
    assertThat(envelope.path("recipients").path("signers"))
        .extracting(
            signer ->
                signer.path("routingOrder").asText()
                    + " "
                    + signer.path("name").asText()
                    + " "
                    + signer.path("email").asText())
        .containsExactly(
            "1 Acme Cloud Solutions Ltd ops@acme.example",
            "2 Contoso Distribution billing@contoso.example");
    assertThat(envelope.path("customFields").path("textCustomFields").get(0).path("value").asText())
        .isEqualTo(id);
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));

    // both sign in DocuSign; Connect reports the completed envelope
    byte[] signed = TestPdf.withText("CTA signed in DocuSign by Acme and Contoso");
    DOCUSIGN.completed(
        envelopeId,
        "Acme Cloud Solutions Ltd",
        "ops@acme.example",
        "Contoso Distribution",
        "billing@contoso.example",
        signed);
    byte[] notification =
        TestDocuSign.notification("envelope-completed", TestDocuSign.ACCOUNT_ID, envelopeId);
    Api.Response connected =
        api.send(
            "POST",
            "/api/esignature/docusign/connect",
            new String(notification, StandardCharsets.UTF_8),
            Map.of(
                "X-DocuSign-Signature-1",
                TestDocuSign.hmac(TestDocuSign.CURRENT_HMAC_KEY, notification)));
    assertThat(connected.status()).as(connected.toString()).isEqualTo(200);

    String countersign = awaitTask("sales", id, "Task_CountersignCta");
    assertThat(api.get("sales", "/api/offboardings/" + id + "/cta/signed").body())
        .isEqualTo(signed);
    assertThat(submit("sales", countersign, Map.of("ctaAccepted", true)).status()).isEqualTo(204);
    PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    journeys.work("finance", id, "Task_ConfirmPaymentClearance", Map.of("paymentCleared", true));
    journeys.work(
        "sales",
        id,
        "Task_HandOverBilling",
        Map.of("billingHandedOver", true, "taxSettingsUpdated", true, "contactsUpdated", true));
    journeys.approveRemovalPlan(id);
    journeys.awaitStatus("acme", id, "COMPLETED");

    JsonNode trail =
        await()
            .atMost(PATIENCE)
            .until(
                () -> api.get("auditor", "/api/audit/offboardings/" + id + "/trail").json(),
                t -> t.path("processState").asText().equals("COMPLETED"));
    List<String> byDocuSign = new ArrayList<>();
    trail
        .path("entries")
        .forEach(
            entry -> {
              if (entry.path("type").asText().equals("USER_OPERATION")
                  && entry.path("actor").asText().equals("docusign")) {
                byDocuSign.add(entry.path("details").path("operationType").asText());
              }
            });
    assertThat(byDocuSign)
        .as("the signed CTA handed in on behalf of DocuSign")
        .contains("CorrelateMessage");
    assertThat(
            awaitMails(id, "CTA_FOR_SIGNATURE", "OFFBOARDING_COMPLETED").get("CTA_FOR_SIGNATURE"))
        .satisfies(mail -> assertThat(text(mail)).contains("from DocuSign"));
  }

  @Test
  void offboardingRunsFromRequestToCompletedThroughTheApiAndTaskForms() throws Exception {
    String payer = journeys.registeredPayer("acme");
    Api.Response created = api.postJson("acme", "/api/offboardings", request(payer));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).isEqualTo("/api/offboardings/" + id);
    assertThat(created.json().path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(created.json().path("stage").asText()).isEqualTo("REVIEW");

    // IaaS sales review the request in their form, which shows the request's facts
    String review = awaitTask("sales", id, "Task_ReviewRequest");
    JsonNode formVariables =
        api.get("sales", "/engine-rest/task/" + review + "/form-variables").json();
    assertThat(formVariables.path("payerAccountId").path("value").asText()).isEqualTo(payer);
    assertThat(formVariables.path("newPartyName").path("value").asText())
        .isEqualTo("Contoso Distribution");
    assertThat(
            api.get("sales", "/engine-rest/task/" + review + "/deployed-form")
                .json()
                .path("id")
                .asText())
        .isEqualTo("Form_ReviewRequest");
    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);

    // the reseller downloads the CTA, whose digest the response states, and uploads the signed copy
    JsonNode awaitingSignature =
        awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(awaitingSignature.path("stage").asText()).isEqualTo("CTA_SIGNATURE");
    assertThat(awaitingSignature.path("stagesDone").asInt()).isEqualTo(1);
    Api.Response cta = api.get("acme", "/api/offboardings/" + id + "/cta");
    assertThat(cta.status()).isEqualTo(200);
    assertThat(cta.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(cta.header("ETag")).isEqualTo("\"" + sha256(cta.body()) + "\"");
    assertThat(
            api.put(
                    "acme",
                    "/api/offboardings/" + id + "/cta/signed",
                    "application/pdf",
                    TestPdf.withText("signed by Acme only"))
                .status())
        .isEqualTo(202);

    // sales send it back once, the reseller signs again, sales countersign
    String countersign = awaitTask("sales", id, "Task_CountersignCta");
    assertThat(
            submit(
                    "sales",
                    countersign,
                    Map.of(
                        "ctaAccepted",
                        false,
                        "ctaRejectionReason",
                        "The assignee's signature is missing"))
                .status())
        .isEqualTo(204);
    JsonNode sentBack = awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    assertThat(action(sentBack, "UPLOAD_SIGNED_CTA").path("detail").asText())
        .contains("assignee's signature is missing");
    byte[] signed = TestPdf.withText("signed by Acme and Contoso");
    Api.Response upload =
        api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf", signed);
    assertThat(upload.status()).isEqualTo(202);
    assertThat(upload.json().path("sha256").asText()).isEqualTo(sha256(signed));
    assertThat(api.get("sales", "/api/offboardings/" + id + "/cta/signed").body())
        .isEqualTo(signed);
    countersign = awaitTask("sales", id, "Task_CountersignCta");
    assertThat(submit("sales", countersign, Map.of("ctaAccepted", true)).status()).isEqualTo(204);

    // the reseller deploys the cleanup role that the engine will assume, with this offboarding's
    // ExternalId
    JsonNode deploy =
        action(
            awaitView("acme", id, view -> hasAction(view, "DEPLOY_CLEANUP_ROLE")),
            "DEPLOY_CLEANUP_ROLE");
    assertThat(deploy.path("href").asText())
        .isEqualTo("/api/offboardings/" + id + "/cleanup-access");
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);

    // billing handover (sales) and payment clearance (finance) run in parallel
    String billing = awaitTask("sales", id, "Task_HandOverBilling");
    String payment = awaitTask("finance", id, "Task_ConfirmPaymentClearance");
    assertThat(
            submit("finance", payment, Map.of("paymentCleared", false, "outstandingAmount", 1250.5))
                .status())
        .isEqualTo(204);
    JsonNode owing = awaitView("acme", id, view -> hasAction(view, "SETTLE_BALANCE"));
    assertThat(action(owing, "SETTLE_BALANCE").path("detail").asText()).contains("1250.50");
    String paymentAgain = awaitTask("finance", id, "Task_ConfirmPaymentClearance");
    assertThat(paymentAgain).isNotEqualTo(payment);
    assertThat(submit("finance", paymentAgain, Map.of("paymentCleared", true)).status())
        .isEqualTo(204);
    assertThat(
            submit(
                    "sales",
                    billing,
                    Map.of(
                        "billingHandedOver",
                        true,
                        "taxSettingsUpdated",
                        true,
                        "contactsUpdated",
                        true))
                .status())
        .isEqualTo(204);

    // sales approve the plan their task shows; only then does the engine remove anything
    String approval = awaitTask("sales", id, "Task_ApproveRemovalPlan");
    assertThat(
            api.get("sales", "/engine-rest/task/" + approval + "/deployed-form")
                .json()
                .path("id")
                .asText())
        .isEqualTo("Form_ApproveRemovalPlan");
    assertThat(account.roleNames())
        .as("nothing removed before the approval")
        .contains("IMBillingRole");
    JsonNode shown = journeys.approveRemovalPlan(id);
    assertThat(shown.path("cleanupPlan").path("value").asText())
        .contains("- role IMBillingRole (named IMBillingRole): 4 calls");
    assertThat(shown.path("cleanupPlanCalls").path("value").asText())
        .contains(
            "DeleteRole IMBillingRole (role IMBillingRole)",
            "26. DeleteStack cc-iam-stack-api (stack cc-iam-stack-api)");
    assertThat(shown.path("cleanupPlanLeftAlone").path("value").asText())
        .contains(
            "role CloudCheckr: service-linked role",
            "stack billing-integration: holds the customer's resources too");
    assertThat(shown.path("cleanupPlanWarnings").path("value").asText())
        .contains(
            "role IMBillingRole was last used",
            "permissions boundary of user cost-robot",
            "stack cc-iam-stack-api will be deleted as a whole",
            "leaves the stack drifted");

    // the engine removes the distributor's access, verifies it, and keeps the evidence
    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("stagesDone").asInt()).isEqualTo(5);
    assertThat(completed.path("endedAt").isMissingNode()).isFalse();
    assertThat(completed.path("openActions")).isEmpty();
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(completed.path("accessRemoval").path("planned"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "role IMBillingRole",
            "role CloudCheckrRole",
            "role CloudCheckr-CostOps",
            "policy IMMasterBilling",
            "policy CloudCheckrCostPolicy",
            "policy CloudCheckrBoundary",
            "stack cc-iam-stack-api",
            "bucket policy " + PayerAccounts.curBucket(payer),
            "bucket policy " + PayerAccounts.cloudTrailBucket(payer));
    assertThat(completed.path("accessRemoval").path("remaining")).isEmpty();
    assertThat(account.roleNames())
        .doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES)
        .containsAll(PayerAccounts.CUSTOMER_ROLES);
    assertThat(account.policyNames()).containsExactly("AppPolicy");
    JsonNode evidence = api.get("auditor", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("status").asText()).isEqualTo("VERIFIED");
    assertThat(evidence.path("plan").path("roleArn").asText())
        .isEqualTo("arn:aws:iam::" + payer + ":role/" + PayerAccounts.CLEANUP_ROLE);
    JsonNode round = evidence.path("rounds").get(0);
    assertThat(evidence.path("rounds")).hasSize(1);
    assertThat(round.path("decision").asText()).isEqualTo("APPROVED");
    assertThat(round.path("decidedBy").asText()).isEqualTo("sales");
    assertThat(round.path("sha256").asText())
        .as("the digest shown is that of the plan's canonical text as recorded")
        .isEqualTo(shown.path("cleanupPlanSha256").path("value").asText())
        .isEqualTo(evidence.path("planSha256").asText())
        .isEqualTo(sha256(round.path("plan").asText().getBytes(StandardCharsets.UTF_8)));
    assertThat(account.stackStatus(PayerAccounts.CLOUDCHECKR_STACK)).isEqualTo("DELETE_COMPLETE");
    assertThat(account.stackStatus(PayerAccounts.MIXED_STACK)).isEqualTo("CREATE_COMPLETE");
    assertThat(account.bucketPolicy(PayerAccounts.curBucket(payer)))
        .contains("AllowCurDelivery", "CustomerAnalytics")
        .doesNotContain(FakeAws.CLOUDCHECKR_ACCOUNT);
    assertThat(account.bucketPolicy(PayerAccounts.cloudTrailBucket(payer))).isNull();
    assertThat(evidence.path("calls"))
        .filteredOn(call -> call.path("action").asText().equals("PutBucketPolicy"))
        .singleElement()
        .satisfies(
            call ->
                assertThat(call.path("detail").asText())
                    .contains("\"before\"", "CloudCheckrReadCur", "\"after\""));
    assertThat(evidence.path("calls"))
        .hasSize(25)
        .allSatisfy(
            call -> {
              assertThat(call.path("outcome").asText()).isEqualTo("DONE");
              assertThat(call.path("requestId").asText()).isNotBlank();
            });
    assertThat(evidence.path("verification").path("result").asText()).isEqualTo("VERIFIED");
    assertThat(AWS.assumedSessions())
        .as("plan, removal and verification: three short sessions named after the offboarding")
        .filteredOn(session -> session.contains(":" + payer + ":"))
        .containsExactly(
            Collections.nCopies(
                    3,
                    "arn:aws:iam::"
                        + payer
                        + ":role/"
                        + PayerAccounts.CLEANUP_ROLE
                        + "/"
                        + id
                        + " 900s")
                .toArray(String[]::new));
    String processInstanceId =
        api.get("sales", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + id)
            .json()
            .get(0)
            .path("id")
            .asText();
    assertThat(
            api.get(
                    "sales",
                    "/engine-rest/history/activity-instance?processInstanceId=" + processInstanceId)
                .json())
        .extracting(activity -> activity.path("activityId").asText())
        .contains(
            "ServiceTask_PlanAccessRemoval",
            "Task_ApproveRemovalPlan",
            "ServiceTask_RemoveDistributorAccess",
            "ServiceTask_VerifyAccessRemoved")
        .as("no manual work")
        .doesNotContain("Task_RemoveAccessManually");

    Map<String, MimeMessage> mails =
        awaitMails(
            id,
            "REQUEST_RECEIVED",
            "CTA_FOR_SIGNATURE",
            "CTA_RESIGNATURE_REQUESTED",
            "PAYMENT_CHECK_REQUESTED",
            "PAYMENT_OUTSTANDING",
            "OFFBOARDING_COMPLETED");
    assertThat(recipients(mails.get("REQUEST_RECEIVED")))
        .containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(mails.get("REQUEST_RECEIVED").getSubject()).contains(payer);
    assertThat(recipients(mails.get("CTA_FOR_SIGNATURE"))).containsExactly("ops@acme.example");
    assertThat(attachmentNames(mails.get("CTA_FOR_SIGNATURE")))
        .containsExactly("consent-to-assignment-" + payer + ".pdf");
    assertThat(text(mails.get("CTA_FOR_SIGNATURE")))
        .contains("/api/offboardings/" + id + "/cleanup-access");
    assertThat(text(mails.get("CTA_RESIGNATURE_REQUESTED")))
        .contains("The assignee's signature is missing");
    assertThat(recipients(mails.get("PAYMENT_CHECK_REQUESTED")))
        .containsExactly("aws-finance@ingrammicro.example");
    assertThat(recipients(mails.get("PAYMENT_OUTSTANDING")))
        .containsExactlyInAnyOrder("ops@acme.example", "aws-finance@ingrammicro.example");
    assertThat(text(mails.get("PAYMENT_OUTSTANDING"))).contains("1250.50");
    assertThat(recipients(mails.get("OFFBOARDING_COMPLETED")))
        .containsExactlyInAnyOrder(
            "ops@acme.example",
            "billing@contoso.example",
            "aws-iaas-sales@ingrammicro.example",
            "aws-finance@ingrammicro.example");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED")))
        .contains("Verified through AWS: nothing of the distributor remains");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED")))
        .contains("aws cloudformation delete-stack");
  }
}
