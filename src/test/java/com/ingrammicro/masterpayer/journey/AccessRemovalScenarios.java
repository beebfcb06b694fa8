package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * The removal of the distributor's access when it does not simply work: the cleanup role cannot be
 * assumed (sales remove access by hand and attest it), is deployed late (the automation runs
 * again), AWS refuses halfway or fails for a while (SDK retries, job retries, an incident that
 * resumes); and the least-privilege role the reseller deploys. Run on H2 ({@link
 * H2AccessRemovalIT}) and on PostgreSQL ({@link PostgresAccessRemovalIT}): the removal records its
 * plan, every AWS call and the attestation in transactions of their own beside the job's, so that
 * they outlive a job that fails, and creates the ExternalId's record safely under races; the two
 * databases lock and type that SQL differently.
 */
abstract class AccessRemovalScenarios extends JourneyScenario {

  @Test
  void whenTheCleanupRoleCannotBeAssumedSalesRemoveAccessByHandAndTheirAttestationIsRecorded()
      throws Exception {
    String payer = randomPayer();
    String id = start("acme", payer);
    driveToAccessRemoval(id); // the reseller never deploys the cleanup role

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText())
        .contains("could not be assumed", "AccessDenied");
    assertThat(
            api.get("acme", "/api/offboardings/" + id)
                .json()
                .path("accessRemoval")
                .path("status")
                .asText())
        .isEqualTo("BLOCKED");
    Api.Response lateWithdrawal =
        api.postJson("acme", "/api/offboardings/" + id + "/withdrawal", Map.of());
    assertThat(lateWithdrawal.status()).isEqualTo(409);
    assertThat(lateWithdrawal.json().path("type").asText()).endsWith("withdrawal-too-late");

    assertThat(
            submit(
                    "sales",
                    removal,
                    Map.of(
                        "accessRemoved", true, "notes", "Deleted in the console with the customer"))
                .status())
        .isEqualTo(204);

    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText())
        .as("attested, not verified")
        .isEqualTo("ATTESTED");
    JsonNode evidence = api.get("acme", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("attestation").path("by").asText()).isEqualTo("sales");
    Map<String, MimeMessage> mails =
        awaitMails(id, "ACCESS_REMOVAL_NEEDED", "OFFBOARDING_COMPLETED");
    assertThat(recipients(mails.get("ACCESS_REMOVAL_NEEDED")))
        .containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(text(mails.get("ACCESS_REMOVAL_NEEDED"))).contains("could not be assumed");
    assertThat(text(mails.get("OFFBOARDING_COMPLETED")))
        .contains("Removed by hand and attested; not verified through AWS");
    assertThat(evidence.path("attestation").path("notes").asText())
        .isEqualTo("Deleted in the console with the customer");
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
    assertThat(
            submit(
                    "sales",
                    removal,
                    Map.of("retryAutomation", true, "notes", "Role deployed by Acme today"))
                .status())
        .isEqualTo(204);
    journeys.approveRemovalPlan(id);

    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
    assertThat(
            api.get("acme", "/api/offboardings/" + id + "/access-removal")
                .json()
                .path("attestation")
                .isMissingNode())
        .as("nothing attested by hand")
        .isTrue();
  }

  @Test
  void accessDeniedHalfwayHandsOverWhatRemainsAndAConfirmationAwsContradictsDoesNotComplete() {
    String payer = randomPayer();
    String id = start("acme", payer);
    FakeAws.Account account =
        PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null)
            .fail("DeleteRolePolicy", -1, 403, "AccessDenied");
    driveToAccessRemoval(id);
    journeys.approveRemovalPlan(id);

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText())
        .contains("role CloudCheckrRole", "AccessDenied");
    assertThat(form.path("cleanupRemaining").path("value").asText())
        .contains("- role CloudCheckrRole")
        .doesNotContain("IMBillingRole");
    assertThat(account.roleNames()).doesNotContain("IMBillingRole").contains("CloudCheckrRole");

    account.heal();
    submit("sales", removal, Map.of("accessRemoved", true));

    String again = awaitTask("sales", id, "Task_RemoveAccessManually");
    assertThat(again).isNotEqualTo(removal);
    JsonNode view = api.get("acme", "/api/offboardings/" + id).json();
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("accessRemoval").path("status").asText()).isEqualTo("REMAINING");
    assertThat(view.path("accessRemoval").path("remaining"))
        .extracting(JsonNode::asText)
        .contains("role CloudCheckrRole");
  }

  @Test
  void awsFailingForAWhileIsRetriedAndFailingForGoodBecomesAnIncidentThatResumes() {
    String payer = randomPayer();
    String id = start("acme", payer);
    FakeAws.Account account =
        PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null)
            .fail("ListRoles", 2, 400, "Throttling")
            .fail("DeleteRole", 1, 503, "ServiceUnavailable")
            .fail("ListPolicies", -1, 500, "ServiceFailure");
    driveToAccessRemoval(id);

    String processInstanceId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                runtimeService
                        .createIncidentQuery()
                        .processInstanceId(processInstanceId)
                        .activityId("ServiceTask_PlanAccessRemoval")
                        .count()
                    == 1);
    assertThat(api.get("acme", "/api/offboardings/" + id).json().path("status").asText())
        .isEqualTo("IN_PROGRESS");
    assertThat(account.roleNames())
        .as("nothing removed before the plan exists")
        .contains("IMBillingRole");

    account.heal();
    Job failed =
        managementService
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .withException()
            .singleResult();
    managementService.setJobRetries(failed.getId(), 1);
    journeys.approveRemovalPlan(id);

    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
  }

  @Test
  void aRejectedPlanRemovesNothingAndHandsTheWorkToSalesWithTheReason() {
    String id = start("acme", randomPayer());
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    driveToAccessRemoval(id);

    String approval = awaitTask("sales", id, "Task_ApproveRemovalPlan");
    Api.Response withoutReason = submit("sales", approval, Map.of("planApproved", false));
    assertThat(withoutReason.status()).isEqualTo(400);
    assertThat(withoutReason.body()).asString().contains("planRejectionReason");
    assertThat(
            submit(
                    "sales",
                    approval,
                    Map.of(
                        "planApproved",
                        false,
                        "planRejectionReason",
                        "The customer removes CloudCheckr itself next week"))
                .status())
        .isEqualTo(204);

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText())
        .isEqualTo(
            "Removal plan round 1 was rejected by sales: The customer removes CloudCheckr itself next week");
    assertThat(form.path("cleanupRemaining").path("value").asText())
        .contains("- role IMBillingRole");
    JsonNode evidence = api.get("acme", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("status").asText()).isEqualTo("REJECTED");
    assertThat(evidence.path("rounds").get(0).path("decision").asText()).isEqualTo("REJECTED");
    assertThat(evidence.path("rounds").get(0).path("decidedBy").asText()).isEqualTo("sales");
    assertThat(evidence.path("calls")).as("nothing removed").isEmpty();
    assertThat(account.roleNames()).containsAll(PayerAccounts.DISTRIBUTOR_ROLES);
  }

  @Test
  void aRoleAppearingBetweenApprovalAndRemovalStopsTheRemovalAndItsNewPlanIsApprovedAgain() {
    String id = start("acme", randomPayer());
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    driveToAccessRemoval(id);
    String firstSha256 =
        api.get(
                "sales",
                "/engine-rest/task/"
                    + awaitTask("sales", id, "Task_ApproveRemovalPlan")
                    + "/form-variables")
            .json()
            .path("cleanupPlanSha256")
            .path("value")
            .asText();

    // CloudCheckr's onboarding runs once more while the plan waits for its approval
    account.role("/", "CloudCheckr-Role", FakeAws.trust(FakeAws.CLOUDCHECKR_ACCOUNT));
    journeys.approveRemovalPlan(id);

    JsonNode again = journeys.approveRemovalPlan(id);
    assertThat(again.path("cleanupPlanRound").path("value").asInt()).isEqualTo(2);
    assertThat(again.path("cleanupPlanSha256").path("value").asText()).isNotEqualTo(firstSha256);
    assertThat(again.path("cleanupPlan").path("value").asText()).contains("role CloudCheckr-Role");
    assertThat(again.path("cleanupPlanHistory").path("value").asText())
        .contains("round 1", "SUPERSEDED after its approval by sales", "role CloudCheckr-Role");

    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));
    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContain("CloudCheckr-Role", "IMBillingRole");
    JsonNode evidence = api.get("auditor", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("rounds"))
        .extracting(round -> round.path("decision").asText())
        .containsExactly("SUPERSEDED", "APPROVED");
    assertThat(evidence.path("planRound").asInt()).isEqualTo(2);
    assertThat(evidence.path("calls"))
        .extracting(call -> call.path("entity").asText())
        .contains("role CloudCheckr-Role");
    String approvedAt = evidence.path("rounds").get(1).path("decidedAt").asText();
    assertThat(evidence.path("calls"))
        .as("no call before the second approval")
        .allSatisfy(
            call ->
                assertThat(java.time.OffsetDateTime.parse(call.path("calledAt").asText()))
                    .isAfterOrEqualTo(java.time.OffsetDateTime.parse(approvedAt)));
  }

  @Test
  void aStackDeletionThatFailsBecomesAManualStepWithTheStacksEvents() {
    String id = start("acme", randomPayer());
    FakeAws.Account account =
        PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null)
            .failStackDeletion(
                PayerAccounts.CLOUDCHECKR_STACK,
                "Resource is protected by a service control policy");
    driveToAccessRemoval(id);
    journeys.approveRemovalPlan(id);

    String removal = awaitTask("sales", id, "Task_RemoveAccessManually");
    JsonNode form = api.get("sales", "/engine-rest/task/" + removal + "/form-variables").json();
    assertThat(form.path("cleanupFailure").path("value").asText())
        .contains(
            "could not delete stack cc-iam-stack-api (DELETE_FAILED)",
            "CloudCheckrRole AWS::IAM::Role DELETE_FAILED: Resource is protected by a service control"
                + " policy");
    assertThat(form.path("cleanupRemaining").path("value").asText())
        .isEqualTo("- stack cc-iam-stack-api\n");
    assertThat(account.roleNames())
        .as("everything else of the plan was removed")
        .doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES)
        .contains(PayerAccounts.CLOUDCHECKR_STACK_ROLE);
    JsonNode evidence = api.get("acme", "/api/offboardings/" + id + "/access-removal").json();
    assertThat(evidence.path("calls"))
        .filteredOn(call -> call.path("action").asText().equals("DeleteStack"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.path("outcome").asText()).isEqualTo("FAILED");
              assertThat(call.path("detail").asText()).contains("DELETE_FAILED");
            });
  }

  @Test
  void cleanupAccessGivesTheResellerALeastPrivilegeRoleForThisOffboardingOnly() {
    String payer = randomPayer();
    String id = start("acme", payer);
    String other = start("acme", randomPayer());

    JsonNode access = api.get("acme", "/api/offboardings/" + id + "/cleanup-access").json();
    JsonNode template =
        api.get("acme", "/api/offboardings/" + id + "/cleanup-access/template").json();

    String externalId = access.path("externalId").asText();
    assertThat(externalId)
        .hasSizeGreaterThanOrEqualTo(32)
        .isEqualTo(
            api.get("acme", "/api/offboardings/" + id + "/cleanup-access")
                .json()
                .path("externalId")
                .asText())
        .isNotEqualTo(
            api.get("acme", "/api/offboardings/" + other + "/cleanup-access")
                .json()
                .path("externalId")
                .asText());
    assertThat(access.path("trustedPrincipal").asText()).isEqualTo(FakeAws.ENGINE_PRINCIPAL);
    assertThat(access.path("roleArn").asText())
        .isEqualTo("arn:aws:iam::" + payer + ":role/" + PayerAccounts.CLEANUP_ROLE);
    assertThat(template).isEqualTo(access.path("cloudFormationTemplate"));
    JsonNode role = template.path("Resources").path("OffboardingCleanupRole").path("Properties");
    JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement").get(0);
    assertThat(trust.path("Principal").path("AWS").asText()).isEqualTo(FakeAws.ENGINE_PRINCIPAL);
    assertThat(trust.path("Condition").path("StringEquals").path("sts:ExternalId").asText())
        .isEqualTo(externalId);
    JsonNode statements = role.path("Policies").get(0).path("PolicyDocument").path("Statement");
    assertThat(statements)
        .extracting(
            statement -> statement.path("Effect").asText() + " " + statement.path("Sid").asText())
        .contains("Deny NeverChangeThisRole");
    statements.forEach(
        statement ->
            statement
                .path("Action")
                .forEach(
                    action ->
                        assertThat(action.asText())
                            .as("no wildcard grants")
                            .isNotEqualTo("iam:*")
                            .isNotEqualTo("*")));
    assertThat(api.get("globex", "/api/offboardings/" + id + "/cleanup-access").status())
        .isEqualTo(404);
  }
}
