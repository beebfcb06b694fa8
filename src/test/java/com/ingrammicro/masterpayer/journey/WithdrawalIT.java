package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reseller withdraws before the removal of the distributor's access, and everyone is told. On
 * H2 only: a message correlation and the offboarding's end, whose SQL the full journey runs on
 * PostgreSQL. A withdrawal that comes too late is the access-removal scenarios' (on both
 * databases).
 */
@OnH2
class WithdrawalIT extends JourneyScenario {

  @Test
  void resellerWithdrawsBeforeAccessRemovalAndAllPartiesAreTold() throws Exception {
    String id = start("acme", randomPayer());
    awaitTask("sales", id, "Task_ReviewRequest");

    Api.Response withdrawn =
        api.postJson(
            "acme",
            "/api/offboardings/" + id + "/withdrawal",
            Map.of("reason", "The customer decided to stay"));

    assertThat(withdrawn.status()).isEqualTo(202);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(withdrawn.json().path("statusReason").asText())
        .isEqualTo("The customer decided to stay");
    assertThat(api.get("sales", "/engine-rest/task?processInstanceBusinessKey=" + id).json())
        .isEmpty();
    Api.Response again = api.postJson("acme", "/api/offboardings/" + id + "/withdrawal", Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("type").asText()).endsWith("offboarding-ended");
    MimeMessage mail = awaitMails(id, "WITHDRAWAL_CONFIRMED").get("WITHDRAWAL_CONFIRMED");
    assertThat(recipients(mail))
        .containsExactlyInAnyOrder(
            "ops@acme.example",
            "aws-iaas-sales@ingrammicro.example",
            "aws-finance@ingrammicro.example");
  }
}
