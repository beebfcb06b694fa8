package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.OnH2;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sales reject the request and the reseller learns why. On H2 only: a gateway of the process and
 * the offboarding's end, whose SQL the full journey runs on PostgreSQL.
 */
@OnH2
class RejectionIT extends JourneyScenario {

  @Test
  void rejectedRequestEndsRejectedAndTellsTheResellerWhy() throws Exception {
    String id = start("acme", randomPayer());
    String review = awaitTask("sales", id, "Task_ReviewRequest");

    submit(
        "sales",
        review,
        Map.of("approved", false, "rejectionReason", "Payer account is not registered to Acme"));

    JsonNode rejected =
        awaitView("acme", id, view -> view.path("status").asText().equals("REJECTED"));
    assertThat(rejected.path("statusReason").asText())
        .isEqualTo("Payer account is not registered to Acme");
    assertThat(rejected.path("openActions")).isEmpty();
    MimeMessage mail = awaitMails(id, "REQUEST_REJECTED").get("REQUEST_REJECTED");
    assertThat(recipients(mail)).containsExactly("ops@acme.example");
    assertThat(text(mail)).contains("Payer account is not registered to Acme");
    assertThat(api.get("acme", "/api/offboardings/" + id + "/cta").status()).isEqualTo(409);
  }
}
