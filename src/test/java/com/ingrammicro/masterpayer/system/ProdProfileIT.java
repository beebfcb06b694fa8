package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile starts with the groups the journey needs and without any user or default
 * password, and, as every installation does by default, without an e-signature provider.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:prod-profile-it;DB_CLOSE_DELAY=-1",
      "SMTP_HOST=127.0.0.1",
      "SMTP_AUTH=false"
    })
@ActiveProfiles("prod")
class ProdProfileIT {

  @Autowired IdentityService identityService;

  @LocalServerPort int port;

  @Test
  void startsWithoutDemoIdentities() {
    assertThat(identityService.createUserQuery().count()).isZero();
    assertThat(identityService.createTenantQuery().count()).isZero();
    assertThat(identityService.createGroupQuery().list())
        .extracting(group -> group.getId())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Role.values()).map(Role::groupId).toList());
    Api api = new Api(port);
    assertThat(api.requestToken("acme", "acme", "grant_type=client_credentials").status())
        .as("no demo API client")
        .isIn(401, 404);
    assertThat(api.get("acme:acme", "/api/offboardings").status()).isEqualTo(401);
    assertThat(new Api(port).get("admin", "/engine-rest/task").status()).isEqualTo(401);
  }

  @Test
  void withoutAnESignatureProviderDocuSignsDoorAnswersNotFound() {
    Api.Response answer =
        new Api(port)
            .send(
                "POST",
                "/api/esignature/docusign/connect",
                "{\"event\": \"envelope-completed\"}",
                java.util.Map.of("X-DocuSign-Signature-1", "c2lnbmF0dXJl"));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.json().path("detail").asText()).contains("DocuSign");
  }
}
