package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import java.net.URI;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile starts with the groups the journey needs and without any user or default
 * password, and, as every installation does by default, without an e-signature provider. It has no
 * embedded authorization server: staff sign in with the company's OpenID provider, which it
 * requires ({@code StaffClientRegistrationsTest}: no start without it), and the API takes the
 * company's tokens.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:prod-profile-it;DB_CLOSE_DELAY=-1",
      "SMTP_HOST=127.0.0.1",
      "SMTP_AUTH=false",
      ProdProfileIT.API_ISSUER,
      "spring.security.oauth2.client.registration.staff.client-id=master-payer-offboarding",
      "spring.security.oauth2.client.registration.staff.client-secret=not-a-real-secret",
      "spring.security.oauth2.client.registration.staff.scope=openid,profile",
      // the company's endpoints as its discovery document (provider.staff.issuer-uri) names them
      "spring.security.oauth2.client.provider.staff.authorization-uri="
          + ProdProfileIT.COMPANY
          + "/oauth2/v2.0/authorize",
      "spring.security.oauth2.client.provider.staff.token-uri="
          + ProdProfileIT.COMPANY
          + "/oauth2/v2.0/token",
      "spring.security.oauth2.client.provider.staff.jwk-set-uri="
          + ProdProfileIT.COMPANY
          + "/discovery/v2.0/keys",
      "spring.security.oauth2.client.provider.staff.user-name-attribute=preferred_username"
    })
@ActiveProfiles("prod")
class ProdProfileIT {

  static final String COMPANY = "https://login.company.example/tenant";
  static final String API_ISSUER =
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.company.example/tenant/v2.0";

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

  @Test
  void staffAreSentToTheCompanysProviderWithAProofKeyAndThereIsNoOtherWayIn() {
    Api api = new Api(port);

    Api.Response tasklist = api.get(null, "/camunda/app/tasklist/default/");
    Api.Response start = api.get(null, "/oauth2/authorization/staff");
    Api.Response passwordLogin =
        api.postForm(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=admin&password=admin",
            java.util.Map.of());

    assertThat(URI.create(tasklist.header("Location")).getPath()).isEqualTo(StaffLogin.START);
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.header("Location"))
        .startsWith(COMPANY + "/oauth2/v2.0/authorize?")
        .contains("client_id=master-payer-offboarding")
        .contains("code_challenge_method=S256")
        .contains("code_challenge=");
    assertThat(passwordLogin.status()).isEqualTo(401);
    assertThat(api.get(null, "/login").status()).as("no embedded login page").isEqualTo(401);
    assertThat(api.get(null, "/.well-known/openid-configuration").status())
        .as("no embedded provider")
        .isEqualTo(401);
  }
}
