package com.ingrammicro.masterpayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The journey's facts come from the offboarding record: process variables that someone changed (an
 * administrator may, through engine-rest) neither rename the tasks nor break the reseller's calls.
 * Run on H2 ({@link H2JourneyFactsIT}) and on PostgreSQL ({@link PostgresJourneyFactsIT}).
 */
abstract class JourneyFactsScenarios extends RunningApplication {

  @Test
  void aResellerIdOverwrittenAsANumberNeitherFailsTheSignedCtaUploadNorRenamesTheCountersignTask() {
    String payer = TestRequests.randomPayer();
    String id = journeys.start("acme", payer);
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    String processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
    // as an administrator can through engine-rest or Cockpit (set in Java here: the test is not about
    // logins, and another scenario of this context throttles the admin's with wrong passwords)
    runtimeService.setVariable(processInstance, "resellerId", 42);
    runtimeService.setVariable(processInstance, "payerAccountId", "999999999999");

    Api.Response upload = api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf",
        TestPdf.withText("signed by Acme and Contoso"));

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String countersign = journeys.awaitTask("sales", id, "Task_CountersignCta");
    assertThat(api.get("sales", "/engine-rest/task/" + countersign).json().path("name").asText())
        .isEqualTo("Countersign CTA – payer " + payer + " (ACME)");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstance).count()).isZero();
  }
}
