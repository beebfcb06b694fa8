package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.TestPdf;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signed-CTA upload's rules that need the journey: taken only while a signature is awaited,
 * only as a readable PDF, and nothing refused is stored. Content type, size and role are the web
 * layer's ({@code CtaControllerTest}); a PDF with JavaScript is {@code BadInputIT}'s. On H2 only:
 * storing the signed copy runs on PostgreSQL in the full journey.
 */
@OnH2
class SignedCtaUploadIT extends JourneyScenario {

  @Test
  void signedCtaUploadIsTakenOnlyWhileAwaitedAndOnlyAsAReadablePdf() {
    String id = start("acme", randomPayer());
    String path = "/api/offboardings/" + id + "/cta/signed";

    Api.Response tooEarly = api.put("acme", path, "application/pdf", TestPdf.withText("early"));
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    Api.Response fakePdf =
        api.put("acme", path, "application/pdf", "%PDF-1.7 this is no pdf".getBytes());

    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(fakePdf.status()).isEqualTo(415);
    assertThat(fakePdf.json().path("type").asText()).endsWith("not-a-pdf");
    assertThat(api.get("acme", path).status()).as("nothing stored").isEqualTo(409);
  }
}
