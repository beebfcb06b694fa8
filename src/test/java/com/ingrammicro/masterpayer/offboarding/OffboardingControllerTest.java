package com.ingrammicro.masterpayer.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.SliceApi;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.SliceSecurity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reseller API's door: validation of every field and parameter into a problem detail, who may
 * call at all (401, 403 by role) and the paging parameters, with the application's own security
 * chain ({@link SliceSecurity}) in front of {@link OffboardingController} and the service behind it
 * mocked. What the database decides (one active offboarding per payer, idempotent replays, newest
 * first, each reseller's own offboardings) is the journey integration tests'.
 */
@WebMvcTest(OffboardingController.class)
@Import(SliceSecurity.class)
class OffboardingControllerTest {

  @Autowired MockMvc mvc;
  @MockitoBean OffboardingService offboardings;
  @MockitoBean AccessRemovalProgress accessRemoval;
  @MockitoBean SignedCtaProgress signedCta;

  SliceApi api;

  @BeforeEach
  void client() {
    api = new SliceApi(mvc);
  }

  @Test
  void invalidRequestsAreAnsweredWithProblemDetailsNamingEachField() {
    Api.Response invalid =
        api.postJson(
            "acme",
            "/api/offboardings",
            Map.of(
                "payerAccountId",
                "12345",
                "reason",
                " ",
                "contactEmail",
                "not-an-email",
                "newResponsibleParty",
                Map.of("name", "", "email", "billing@contoso.example", "kind", "DISTRIBUTOR")));
    Api.Response unknownKind =
        api.postJson(
            "acme",
            "/api/offboardings",
            Map.of(
                "payerAccountId",
                randomPayer(),
                "reason",
                "r",
                "contactEmail",
                "ops@acme.example",
                "newResponsibleParty",
                Map.of("name", "X", "email", "x@example.com", "kind", "COMPETITOR")));
    Api.Response malformed = api.postJson("acme", "/api/offboardings", "{\"payerAccountId\": ");
    Api.Response badId = api.get("acme", "/api/offboardings/not-a-uuid");
    Api.Response badStatus = api.get("acme", "/api/offboardings?status=DONE");
    Api.Response badPage = api.get("acme", "/api/offboardings?size=1000");
    Api.Response badKey =
        api.postJson(
            "acme",
            "/api/offboardings",
            request(randomPayer()),
            Map.of("Idempotency-Key", "has spaces in it"));

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
    List<String> fields = new ArrayList<>();
    invalid.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "contactEmail", "newResponsibleParty.name", "payerAccountId", "reason");
    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.json().path("detail").asText())
        .contains("newResponsibleParty.kind")
        .contains("DISTRIBUTOR, RESELLER, END_CUSTOMER");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("detail").asText()).contains("not well-formed JSON");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("detail").asText()).contains("is not a UUID");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().path("detail").asText()).contains("printable ASCII");
    verifyNoInteractions(offboardings);
  }

  /**
   * Whether staff then reach engine-rest itself (sales: 200) needs its servlet, which a slice does
   * not have: that is {@code AuthorizationMatrixIT}'s row {@code GET /engine-rest/task}.
   */
  @Test
  void unauthenticatedAndWrongRoleRequestsAreRefused() {
    Api.Response anonymous = api.get(null, "/api/offboardings");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers().allValues("WWW-Authenticate"))
        .as("resellers' bearer tokens and staff's HTTP Basic")
        .containsExactly(
            "Bearer realm=\"Master Payer Offboarding\"",
            "Basic realm=\"Master Payer Offboarding\"");
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(api.get("admin:wrong-password", "/api/offboardings").status()).isEqualTo(401);
    assertThat(api.get("nobody:secret", "/api/offboardings").status()).isEqualTo(401);
    assertThat(api.postJson(null, "/api/offboardings", request(randomPayer())).status())
        .isEqualTo(401);
    assertThat(api.postJson("sales", "/api/offboardings", request(randomPayer())).status())
        .isEqualTo(403);
    assertThat(api.postJson("auditor", "/api/offboardings", request(randomPayer())).status())
        .isEqualTo(403);

    assertThat(api.get(null, "/engine-rest/task").status()).isEqualTo(401);
    assertThat(api.get("admin:wrong-password", "/engine-rest/task").status()).isEqualTo(401);
    // a reseller's token is for the offboarding API only: engine-rest does not know it
    assertThat(api.get("acme", "/engine-rest/task").status()).isEqualTo(401);
    assertThat(
            api.postJson(
                    "acme",
                    "/engine-rest/process-definition/key/masterPayerOffboarding/start",
                    Map.of())
                .status())
        .isEqualTo(401);
    assertThat(api.get("acme:acme", "/api/offboardings").status())
        .as("HTTP Basic is for staff only")
        .isEqualTo(401);
    verifyNoInteractions(offboardings);
  }

  @Test
  void listAsksForTheRequestedPageAndCountsThePages() {
    when(offboardings.list(any(), isNull(), eq(2), eq(5)))
        .thenReturn(new OffboardingService.Page(List.of(), 2, 5, 11));
    when(offboardings.list(any(), eq(OffboardingStatus.WITHDRAWN), eq(0), eq(20)))
        .thenReturn(new OffboardingService.Page(List.of(), 0, 20, 0));

    Api.Response third = api.get("globex", "/api/offboardings?page=2&size=5");
    Api.Response defaults = api.get("sales", "/api/offboardings?status=WITHDRAWN");
    Api.Response negativePage = api.get("globex", "/api/offboardings?page=-1");
    Api.Response emptyPage = api.get("globex", "/api/offboardings?size=0");

    assertThat(third.status()).as(third.toString()).isEqualTo(200);
    assertThat(third.json().path("page").asInt()).isEqualTo(2);
    assertThat(third.json().path("size").asInt()).isEqualTo(5);
    assertThat(third.json().path("totalElements").asLong()).isEqualTo(11);
    assertThat(third.json().path("totalPages").asLong())
        .as("11 offboardings, 5 a page")
        .isEqualTo(3);
    assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
    assertThat(defaults.json().path("totalPages").asLong()).isZero();
    assertThat(negativePage.status()).isEqualTo(400);
    assertThat(negativePage.json().path("errors").get(0).path("field").asText()).isEqualTo("page");
    assertThat(emptyPage.status()).isEqualTo(400);
    assertThat(emptyPage.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
  }

  @Test
  void aStartIsMadeForTheCallersResellerAndAReplayIsMarked() {
    OffboardingRequest body =
        new OffboardingRequest(
            randomPayer(),
            "Moving to another distributor",
            "ops@acme.example",
            new NewResponsibleParty(
                "Contoso Distribution", "billing@contoso.example", PartyKind.DISTRIBUTOR));
    Offboarding created =
        Offboarding.requested(
            UUID.randomUUID(),
            "ACME",
            "acme",
            body,
            UUID.randomUUID(),
            OffsetDateTime.of(2026, 1, 5, 9, 30, 0, 0, ZoneOffset.UTC));
    ArgumentCaptor<AppUser> caller = ArgumentCaptor.forClass(AppUser.class);
    when(offboardings.start(caller.capture(), eq(body), eq("order-1")))
        .thenReturn(
            new OffboardingService.Started(created, false),
            new OffboardingService.Started(created, true));

    Api.Response first =
        api.postJson("acme", "/api/offboardings", body, Map.of("Idempotency-Key", "order-1"));
    Api.Response replayed =
        api.postJson("acme", "/api/offboardings", body, Map.of("Idempotency-Key", "order-1"));

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.header("Location")).isEqualTo("/api/offboardings/" + created.id());
    assertThat(first.json().path("id").asText()).isEqualTo(created.id().toString());
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(caller.getAllValues())
        .hasSize(2)
        .allSatisfy(
            user -> {
              assertThat(user.userId()).isEqualTo("acme");
              assertThat(user.resellerId()).contains("ACME");
            });
  }

  static String randomPayer() {
    return TestRequests.randomPayer();
  }

  static Map<String, Object> request(String payer) {
    return TestRequests.offboarding(payer);
  }
}
