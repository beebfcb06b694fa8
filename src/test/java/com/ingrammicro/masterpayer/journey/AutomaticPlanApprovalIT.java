package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * An installation that decided to let the configuration approve removal plans ({@code
 * offboarding.cleanup.plan-approval: automatic}): no person's task, each plan round recorded as
 * approved by the engine. An application of its own on H2 (the setting is read at start-up); the
 * journey's SQL is that of the access-removal scenarios.
 */
@ActiveProfiles({"local", "it"})
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:automatic-approval-it;DB_CLOSE_DELAY=-1",
      "offboarding.cleanup.plan-approval=automatic"
    })
class AutomaticPlanApprovalIT extends JourneyScenario {

  @Test
  void thePlanIsApprovedByTheEngineAndRemovedWithoutAPersonsTask() {
    String id = start("acme", randomPayer());
    FakeAws.Account account = PayerAccounts.seed(journeys.deployCleanupRole(AWS, "acme", id), null);
    driveToAccessRemoval(id);

    JsonNode completed =
        awaitView("acme", id, view -> view.path("status").asText().equals("COMPLETED"));

    assertThat(completed.path("accessRemoval").path("status").asText()).isEqualTo("VERIFIED");
    assertThat(account.roleNames()).doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES);
    JsonNode round =
        api.get("auditor", "/api/offboardings/" + id + "/access-removal")
            .json()
            .path("rounds")
            .get(0);
    assertThat(round.path("decision").asText()).isEqualTo("APPROVED");
    assertThat(round.path("decidedBy").asText()).isEqualTo("engine");
    assertThat(
            api.get(
                    "sales",
                    "/engine-rest/history/task?processInstanceBusinessKey="
                        + id
                        + "&taskDefinitionKey=Task_ApproveRemovalPlan")
                .json())
        .isEmpty();
  }
}
