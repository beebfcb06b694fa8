package com.ingrammicro.masterpayer.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Concurrently;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payer registry end to end: administrators maintain it over {@code /api/admin/payer-accounts}
 * (one by one and by CSV import), a reseller may request the offboarding of its own registered
 * payer accounts only, and every change is in the audit trail with the administrator who made it.
 * Run on H2 ({@link H2PayerRegistryIT}) and on PostgreSQL ({@link PostgresPayerRegistryIT}): a
 * unique index keeps one active entry per payer account, an import is one transaction, and a row
 * lock decides between a move and a start at the same moment.
 */
abstract class PayerRegistryScenarios extends RunningApplication {

  private static final String ACCOUNTS = "/api/admin/payer-accounts";

  /** An administrator of these tests only, so that the trail shows who made a change. */
  private static final String REGISTRAR = "registrar";

  @Autowired IdentityService identityService;

  @BeforeEach
  void registrar() {
    if (identityService.createUserQuery().userId(REGISTRAR).count() == 0) {
      User user = identityService.newUser(REGISTRAR);
      user.setPassword(REGISTRAR);
      identityService.saveUser(user);
      identityService.createMembership(REGISTRAR, Groups.CAMUNDA_ADMIN);
    }
  }

  // --- who may request an offboarding -----------------------------------------------------------

  @Test
  void unknownAndForeignPayersGetTheIdenticalProblem() {
    String payer = TestRequests.randomPayer();
    String otherUnknown = TestRequests.randomPayer();

    Api.Response unknown = startAsAcme(payer);
    Api.Response unknownToo = startAsAcme(otherUnknown);
    journeys.register("globex", payer);
    Api.Response foreign = startAsAcme(payer);
    String globexOffboarding = journeys.start("globex", payer);
    Api.Response foreignWithActiveOffboarding = startAsAcme(payer);

    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(unknown.json().path("type").asText())
        .isEqualTo("urn:ingrammicro:offboarding:problem:payer-not-registered");
    for (Api.Response same : List.of(unknownToo, foreign, foreignWithActiveOffboarding)) {
      assertThat(same.status()).isEqualTo(422);
      assertThat(new String(same.body(), StandardCharsets.UTF_8))
          .as("the same bytes for an unknown payer and another reseller's")
          .isEqualTo(new String(unknown.body(), StandardCharsets.UTF_8));
      assertThat(headersBesidesDate(same)).isEqualTo(headersBesidesDate(unknown));
    }
    assertThat(foreignWithActiveOffboarding.text())
        .as("checked before the active offboarding, so its id is never told to a stranger")
        .doesNotContain(globexOffboarding);
    assertThat(Journeys.ids(api.get("acme", "/api/offboardings?size=100").json()))
        .doesNotContain(globexOffboarding);
    assertThat(
            api.get("auditor", "/api/audit/offboardings?payerAccountId=" + payer)
                .json()
                .path("totalElements")
                .asLong())
        .as("only globex's offboarding of the payer exists")
        .isOne();
  }

  @Test
  void aMovedPayerCanBeOffboardedByTheNewResellerOnly() {
    String payer = journeys.registeredPayer("acme");

    Api.Response moved =
        api.putJson(
            REGISTRAR, ACCOUNTS + "/" + payer + "/reseller", Map.of("resellerId", "GLOBEX"));
    Api.Response byOldReseller = startAsAcme(payer);
    Api.Response byNewReseller =
        api.postJson("globex", "/api/offboardings", TestRequests.offboarding(payer));

    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().path("resellerId").asText()).isEqualTo("GLOBEX");
    assertThat(moved.json().path("createdBy").asText()).isEqualTo(REGISTRAR);
    assertThat(byOldReseller.status()).as(byOldReseller.toString()).isEqualTo(422);
    assertThat(byNewReseller.status()).as(byNewReseller.toString()).isEqualTo(201);
    String id = byNewReseller.json().path("id").asText();
    // the review shows the entry the request was checked against: the new one
    String review = journeys.awaitTask("sales", id, "Task_ReviewRequest");
    JsonNode form = api.get("sales", "/engine-rest/task/" + review + "/form-variables").json();
    assertThat(form.path("resellerId").path("value").asText()).isEqualTo("GLOBEX");
    assertThat(form.path("payerAccountName").path("value").asText()).isEqualTo("Payer " + payer);
    assertThat(form.path("payerRegistrySource").path("value").asText()).isEqualTo("admin");
    assertThat(form.path("payerRegisteredSince").path("value").asText())
        .isEqualTo(
            OffsetDateTime.parse(moved.json().path("since").asText())
                .toInstant()
                .truncatedTo(ChronoUnit.SECONDS)
                .toString());
  }

  @Test
  void aPayerWithAnActiveOffboardingIsNeitherMovedNorRetired() {
    String payer = journeys.registeredPayer("acme");
    String id = journeys.start("acme", payer);

    Api.Response move =
        api.putJson(
            REGISTRAR, ACCOUNTS + "/" + payer + "/reseller", Map.of("resellerId", "GLOBEX"));
    Api.Response retire = api.delete(REGISTRAR, ACCOUNTS + "/" + payer);

    for (Api.Response refused : List.of(move, retire)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.json().path("type").asText())
          .endsWith(":payer-account-has-active-offboarding");
      assertThat(refused.json().path("offboardingId").asText()).isEqualTo(id);
    }
    assertThat(api.get(REGISTRAR, ACCOUNTS + "/" + payer).json().path("resellerId").asText())
        .isEqualTo("ACME");
  }

  @Test
  void aMoveAndAStartAtTheSameMomentLeaveNoOffboardingOfAPayerThatMovedAway() throws Exception {
    for (int round = 0; round < 4; round++) {
      String payer = journeys.registeredPayer("acme");
      AtomicInteger turn = new AtomicInteger();
      Map<String, Api.Response> answers = new ConcurrentHashMap<>();
      Concurrently.call(
          2,
          () ->
              turn.getAndIncrement() == 0
                  ? answers.put("start", startAsAcme(payer))
                  : answers.put(
                      "move",
                      api.putJson(
                          REGISTRAR,
                          ACCOUNTS + "/" + payer + "/reseller",
                          Map.of("resellerId", "GLOBEX"))));
      Api.Response start = answers.get("start");
      Api.Response move = answers.get("move");

      if (start.status() == 201) {
        assertThat(move.status()).as(move.toString()).isEqualTo(409);
        assertThat(api.get(REGISTRAR, ACCOUNTS + "/" + payer).json().path("resellerId").asText())
            .isEqualTo("ACME");
      } else {
        assertThat(start.status()).as(start.toString()).isEqualTo(422);
        assertThat(move.status()).as(move.toString()).isEqualTo(200);
      }
    }
  }

  // --- the administrators' API ------------------------------------------------------------------

  @Test
  void administratorsRegisterListAndRetirePayerAccounts() {
    String payer = TestRequests.randomPayer();

    Api.Response registered =
        api.postJson(
            REGISTRAR,
            ACCOUNTS,
            Map.of("accountId", payer, "resellerId", "ACME", "name", "Acme Retail, EU"));
    Api.Response again =
        api.postJson(
            "admin", ACCOUNTS, Map.of("accountId", payer, "resellerId", "GLOBEX", "name", "X"));
    Api.Response unknownReseller =
        api.postJson(
            "admin",
            ACCOUNTS,
            Map.of(
                "accountId",
                TestRequests.randomPayer(),
                "resellerId",
                "NOSUCHRESELLER",
                "name",
                "X"));
    JsonNode acmes = api.get("admin", ACCOUNTS + "?resellerId=ACME&size=500").json();
    Api.Response retired = api.delete(REGISTRAR, ACCOUNTS + "/" + payer);
    Api.Response retiredAgain = api.delete(REGISTRAR, ACCOUNTS + "/" + payer);
    Api.Response afterRetirement = api.get("admin", ACCOUNTS + "/" + payer);
    JsonNode acmesAfterRetirement = api.get("admin", ACCOUNTS + "?resellerId=ACME&size=500").json();
    JsonNode withRetired =
        api.get("admin", ACCOUNTS + "?resellerId=ACME&includeRetired=true&size=500").json();
    Api.Response reRegistered =
        api.postJson(
            "admin", ACCOUNTS, Map.of("accountId", payer, "resellerId", "GLOBEX", "name", "Anew"));

    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    assertThat(registered.header("Location")).isEqualTo(ACCOUNTS + "/" + payer);
    assertThat(registered.json().path("source").asText()).isEqualTo("admin");
    assertThat(registered.json().path("createdBy").asText()).isEqualTo(REGISTRAR);
    assertThat(api.get("admin", ACCOUNTS + "/" + payer + "x").status()).isEqualTo(400);
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().path("resellerId").asText()).isEqualTo("ACME");
    assertThat(unknownReseller.status()).as(unknownReseller.toString()).isEqualTo(422);
    assertThat(unknownReseller.json().path("type").asText()).endsWith(":unknown-reseller");
    assertThat(accountIds(acmes)).contains(payer, "123456789012").doesNotContain("210987654321");
    assertThat(retired.status()).isEqualTo(204);
    assertThat(retiredAgain.status()).isEqualTo(404);
    assertThat(afterRetirement.status()).isEqualTo(404);
    assertThat(accountIds(acmesAfterRetirement)).doesNotContain(payer);
    assertThat(withRetired.path("content"))
        .filteredOn(entry -> entry.path("accountId").asText().equals(payer))
        .singleElement()
        .satisfies(entry -> assertThat(entry.path("retiredBy").asText()).isEqualTo(REGISTRAR));
    assertThat(reRegistered.status())
        .as("a retired payer account can be registered again")
        .isEqualTo(201);
  }

  @Test
  void theDemoPayerAccountsAreSeeded() {
    JsonNode acme = api.get("admin", ACCOUNTS + "/123456789012").json();
    JsonNode globex = api.get("admin", ACCOUNTS + "/210987654321").json();

    assertThat(acme.path("resellerId").asText()).isEqualTo("ACME");
    assertThat(acme.path("source").asText()).isEqualTo("seed");
    assertThat(globex.path("resellerId").asText()).isEqualTo("GLOBEX");
  }

  // --- CSV import -------------------------------------------------------------------------------

  @Test
  void aCsvImportWithOneBadRowChangesNothingAndNamesTheRow() {
    List<String> payers =
        List.of(TestRequests.randomPayer(), TestRequests.randomPayer(), TestRequests.randomPayer());
    String good =
        "accountId,resellerId,name\r\n"
            + payers.get(0)
            + ",ACME,Acme One\r\n"
            + payers.get(1)
            + ",GLOBEX,\"Globex, Research\"\r\n"
            + payers.get(2)
            + ",ACME,\"Acme \"\"Three\"\"\"\r\n";
    String bad = good + "12345,ACME,Too short\r\n";

    Api.Response refused = importCsv(REGISTRAR, bad);
    List<Integer> absent =
        payers.stream().map(payer -> api.get("admin", ACCOUNTS + "/" + payer).status()).toList();
    Api.Response imported = importCsv(REGISTRAR, good);
    Api.Response reimported = importCsv(REGISTRAR, good);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().path("type").asText()).endsWith(":invalid-payer-accounts-import");
    assertThat(refused.json().path("errors")).hasSize(1);
    assertThat(refused.json().path("errors").get(0).path("line").asInt()).isEqualTo(5);
    assertThat(refused.json().path("errors").get(0).path("reason").asText())
        .contains("accountId must be a 12-digit AWS account id");
    assertThat(refused.json().path("detail").asText()).contains("Line 5: accountId");
    assertThat(absent).as("nothing of the refused file is registered").containsOnly(404);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("registered").asInt()).isEqualTo(3);
    assertThat(reimported.json().path("registered").asInt()).isZero();
    assertThat(reimported.json().path("unchanged").asInt()).isEqualTo(3);
    JsonNode second = api.get("admin", ACCOUNTS + "/" + payers.get(1)).json();
    assertThat(second.path("name").asText()).isEqualTo("Globex, Research");
    assertThat(second.path("resellerId").asText()).isEqualTo("GLOBEX");
    assertThat(second.path("source").asText()).isEqualTo("csv-import");
    assertThat(api.get("admin", ACCOUNTS + "/" + payers.get(2)).json().path("name").asText())
        .isEqualTo("Acme \"Three\"");
  }

  @Test
  void everyBadLineOfAnImportIsNamedWithItsReason() {
    String elsewhere = journeys.registeredPayer("globex");
    String twice = TestRequests.randomPayer();
    String csv =
        "accountId,resellerId,name\n"
            + twice
            + ",ACME,First\n"
            + "\n"
            + TestRequests.randomPayer()
            + ",NOSUCHRESELLER,Unknown reseller\n"
            + twice
            + ",ACME,Again\n"
            + elsewhere
            + ",ACME,Another reseller's\n"
            + TestRequests.randomPayer()
            + ",ACME\n"
            + TestRequests.randomPayer()
            + ",ACME,\"unclosed\n"
            + TestRequests.randomPayer()
            + ",ACME,  \n";

    Api.Response refused = importCsv("admin", csv);
    Api.Response noHeader = importCsv("admin", twice + ",ACME,No header\n");
    Api.Response wrongType =
        api.send(
            "admin",
            "POST",
            ACCOUNTS + "/import",
            "{\"accountId\": \"" + twice + "\", \"resellerId\": \"ACME\", \"name\": \"x\"}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    Map<Integer, String> reasons = new TreeMap<>();
    refused
        .json()
        .path("errors")
        .forEach(error -> reasons.put(error.path("line").asInt(), error.path("reason").asText()));
    assertThat(reasons.keySet()).containsExactly(4, 5, 6, 7, 8, 9);
    assertThat(reasons.get(4)).contains("NOSUCHRESELLER is not a known reseller");
    assertThat(reasons.get(5)).contains("is on line 2 already");
    assertThat(reasons.get(6)).contains("is registered to reseller GLOBEX");
    assertThat(reasons.get(7)).contains("has 2 fields instead of 3");
    assertThat(reasons.get(8)).contains("quoted field is not closed");
    assertThat(reasons.get(9)).contains("name must not be blank");
    assertThat(api.get("admin", ACCOUNTS + "/" + twice).status()).isEqualTo(404);
    assertThat(noHeader.status()).isEqualTo(422);
    assertThat(noHeader.json().path("errors").get(0).path("line").asInt()).isEqualTo(1);
    assertThat(wrongType.status()).isEqualTo(415);
  }

  // --- the audit trail --------------------------------------------------------------------------

  @Test
  void movesAndRetirementsAreInTheTrailWithTheAdministrator() {
    String payer = TestRequests.randomPayer();
    assertThat(
            api.postJson(
                    REGISTRAR,
                    ACCOUNTS,
                    Map.of("accountId", payer, "resellerId", "ACME", "name", "Acme Logistics"))
                .status())
        .isEqualTo(201);
    String id = journeys.start("acme", payer);
    assertThat(api.postJson("acme", "/api/offboardings/" + id + "/withdrawal", Map.of()).status())
        .isEqualTo(202);
    journeys.awaitStatus("acme", id, "WITHDRAWN");
    assertThat(
            api.putJson(
                    REGISTRAR, ACCOUNTS + "/" + payer + "/reseller", Map.of("resellerId", "GLOBEX"))
                .status())
        .isEqualTo(200);
    assertThat(api.delete("admin", ACCOUNTS + "/" + payer).status()).isEqualTo(204);

    JsonNode trail = api.get("auditor", "/api/audit/offboardings/" + id + "/trail").json();
    JsonNode changes =
        api.get("auditor", "/api/audit/payer-registry/changes?accountId=" + payer).json();

    List<JsonNode> registry = entries(trail, "REGISTRY_CHANGED");
    assertThat(registry)
        .extracting(entry -> entry.path("details").path("change").asText())
        .containsExactly("REGISTERED", "MOVED", "RETIRED");
    assertThat(registry)
        .extracting(entry -> entry.path("actor").asText())
        .containsExactly(REGISTRAR, REGISTRAR, "admin");
    assertThat(registry.get(1).path("summary").asText())
        .isEqualTo(
            "Payer account " + payer + " moved from reseller ACME to reseller GLOBEX by registrar");
    assertThat(registry.get(2).path("details").path("resellerId").asText()).isEqualTo("GLOBEX");
    JsonNode checked = entries(trail, "REGISTRY_CHECKED").get(0);
    assertThat(checked.path("details").path("resellerId").asText())
        .as("the entry the request was checked against, not the registry as it is now")
        .isEqualTo("ACME");
    assertThat(checked.path("details").path("name").asText()).isEqualTo("Acme Logistics");
    assertThat(checked.path("details").path("entryId").asText())
        .isEqualTo(trail.path("offboarding").path("payerRegistryEntryId").asText());
    List<String> order = new ArrayList<>();
    trail.path("entries").forEach(entry -> order.add(entry.path("type").asText()));
    assertThat(order.indexOf("REGISTRY_CHECKED"))
        .as("registered, then checked, then requested")
        .isGreaterThan(order.indexOf("REGISTRY_CHANGED"))
        .isLessThan(order.indexOf("REQUESTED"));
    assertThat(changes.path("totalElements").asLong()).isEqualTo(3);
    assertThat(changes.path("content"))
        .extracting(
            change -> change.path("kind").asText() + " by " + change.path("changedBy").asText())
        .containsExactly("RETIRED by admin", "MOVED by registrar", "REGISTERED by registrar");
  }

  private Api.Response startAsAcme(String payer) {
    return api.postJson("acme", "/api/offboardings", TestRequests.offboarding(payer));
  }

  private Api.Response importCsv(String user, String csv) {
    return api.post(user, ACCOUNTS + "/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, List<String>> headersBesidesDate(Api.Response response) {
    Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
    headers.remove("date");
    return headers;
  }

  private static List<String> accountIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("content").forEach(entry -> ids.add(entry.path("accountId").asText()));
    return ids;
  }

  private static List<JsonNode> entries(JsonNode trail, String type) {
    List<JsonNode> found = new ArrayList<>();
    trail
        .path("entries")
        .forEach(
            entry -> {
              if (entry.path("type").asText().equals(type)) {
                found.add(entry);
              }
            });
    return found;
  }
}
