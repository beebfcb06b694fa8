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
    String variables = "/engine-rest/process-instance/" + processInstance + "/variables/";
    assertThat(api.putJson("admin", variables + "resellerId", Map.of("value", 42, "type", "Integer")).status()).isEqualTo(204);
    assertThat(api.putJson("admin", variables + "payerAccountId", Map.of("value", "999999999999", "type", "String")).status())
        .isEqualTo(204);

    Api.Response upload = api.put("acme", "/api/offboardings/" + id + "/cta/signed", "application/pdf",
        TestPdf.withText("signed by Acme and Contoso"));

    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    String countersign = journeys.awaitTask("sales", id, "Task_CountersignCta");
    assertThat(api.get("sales", "/engine-rest/task/" + countersign).json().path("name").asText())
        .isEqualTo("Countersign CTA – payer " + payer + " (ACME)");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstance).count()).isZero();
  }
}
