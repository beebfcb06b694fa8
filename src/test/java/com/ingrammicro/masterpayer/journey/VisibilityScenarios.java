package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.TestPdf;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which offboardings a caller sees and in which order: a reseller only its own, staff all, the list
 * newest first and filtered by status. Run on H2 ({@link H2VisibilityIT}) and on PostgreSQL ({@link
 * PostgresVisibilityIT}): the reseller's filter and the order are the list query's SQL. The paging
 * parameters' validation is the web layer's ({@code OffboardingControllerTest}).
 */
abstract class VisibilityScenarios extends JourneyScenario {

  @Test
  void resellersNeverReachAnotherResellersOffboardings() {
    String acmes = start("acme", randomPayer());

    assertThat(api.get("globex", "/api/offboardings/" + acmes).status()).isEqualTo(404);
    assertThat(api.get("globex", "/api/offboardings/" + acmes + "/cta").status()).isEqualTo(404);
    assertThat(
            api.postJson("globex", "/api/offboardings/" + acmes + "/withdrawal", Map.of()).status())
        .isEqualTo(404);
    assertThat(
            api.put(
                    "globex",
                    "/api/offboardings/" + acmes + "/cta/signed",
                    "application/pdf",
                    TestPdf.withText("x"))
                .status())
        .isEqualTo(404);
    assertThat(listIds("globex", null)).doesNotContain(acmes);
    assertThat(listIds("acme", null)).contains(acmes);
    assertThat(api.get("sales", "/api/offboardings/" + acmes).status())
        .as("staff read all")
        .isEqualTo(200);
    assertThat(api.get("auditor", "/api/offboardings/" + acmes).status()).isEqualTo(200);
  }

  @Test
  void listIsPagedNewestFirstAndFilteredByStatus() {
    String older = start("globex", randomPayer());
    String newer = start("globex", randomPayer());
    String withdrawn = start("globex", randomPayer());
    api.postJson("globex", "/api/offboardings/" + withdrawn + "/withdrawal", Map.of());

    JsonNode firstPage = api.get("globex", "/api/offboardings?size=2").json();
    JsonNode inProgress = api.get("globex", "/api/offboardings?status=IN_PROGRESS&size=100").json();
    JsonNode withdrawnOnly =
        api.get("globex", "/api/offboardings?status=WITHDRAWN&size=100").json();

    assertThat(firstPage.path("content")).hasSize(2);
    assertThat(firstPage.path("content").get(0).path("id").asText()).isEqualTo(withdrawn);
    assertThat(firstPage.path("content").get(1).path("id").asText()).isEqualTo(newer);
    assertThat(firstPage.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(Journeys.ids(inProgress)).contains(older, newer).doesNotContain(withdrawn);
    assertThat(Journeys.ids(withdrawnOnly)).contains(withdrawn).doesNotContain(older, newer);
  }
}
