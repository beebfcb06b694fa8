package com.ingrammicro.masterpayer.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.SliceApi;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.SliceSecurity;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The payer registry's door: administrators only, every field and parameter validated into a
 * problem detail, a CSV import only as {@code text/csv} and never larger than the configured size,
 * refused before the registry is asked; with the application's own security chain ({@link
 * SliceSecurity}) in front of {@link PayerAccountController} and the registry behind it mocked.
 * What the database decides (one active entry per account, an import all or nothing, no move of a
 * payer with an offboarding in progress) is {@code PayerRegistryScenarios}'.
 */
@WebMvcTest(PayerAccountController.class)
@Import(SliceSecurity.class)
@EnableConfigurationProperties(RegistryProperties.class)
@TestPropertySource(properties = "offboarding.registry.max-import-size=1KB")
class PayerAccountControllerTest {

  private static final String ACCOUNTS = "/api/admin/payer-accounts";
  private static final String CSV = "accountId,resellerId,name\n123456789012,ACME,Acme\n";

  @Autowired MockMvc mvc;
  @MockitoBean PayerAccountAdministration registry;

  SliceApi api;

  @BeforeEach
  void client() {
    api = new SliceApi(mvc);
  }

  @Test
  void onlyAdministratorsReachTheRegistry() {
    List<String> refused = new ArrayList<>();
    for (String caller : List.of("acme", "globex", "sales", "finance", "auditor")) {
      for (Api.Response response :
          List.of(
              api.get(caller, ACCOUNTS),
              api.get(caller, ACCOUNTS + "/123456789012"),
              api.postJson(caller, ACCOUNTS, registration("123456789012", "ACME", "Acme")),
              api.send(
                  caller, "PUT", ACCOUNTS + "/123456789012/reseller", "{\"resellerId\": \"ACME\"}"),
              api.send(caller, "DELETE", ACCOUNTS + "/123456789012", null),
              api.post(caller, ACCOUNTS + "/import", "text/csv", bytes(CSV)))) {
        refused.add(caller + " " + response.status());
      }
    }
    Api.Response anonymous = api.get(null, ACCOUNTS);

    assertThat(refused).allSatisfy(answer -> assertThat(answer).endsWith(" 403"));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    verifyNoInteractions(registry);
  }

  @Test
  void invalidRegistrationsAreAnsweredWithProblemDetailsNamingEachField() {
    Api.Response invalid =
        api.postJson("admin", ACCOUNTS, registration("12345", "ACME ; drop", " "));
    Api.Response controlCharacters =
        api.postJson("admin", ACCOUNTS, registration("123456789012", "ACME", "Acme\nRetail"));
    Api.Response missing = api.postJson("admin", ACCOUNTS, Map.of());
    Api.Response tooLong =
        api.postJson("admin", ACCOUNTS, registration("123456789012", "ACME", "x".repeat(201)));
    Api.Response badAccountPath = api.get("admin", ACCOUNTS + "/12345678901x");
    Api.Response badMove =
        api.send("admin", "PUT", ACCOUNTS + "/123456789012/reseller", "{\"resellerId\": \"\"}");
    Api.Response badRetirement = api.send("admin", "DELETE", ACCOUNTS + "/1", null);

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(fields(invalid)).containsExactly("accountId", "name", "resellerId");
    assertThat(controlCharacters.status()).isEqualTo(400);
    assertThat(fields(controlCharacters)).containsExactly("name");
    assertThat(fields(missing)).containsExactly("accountId", "name", "resellerId");
    assertThat(fields(tooLong)).containsExactly("name");
    assertThat(badAccountPath.status()).isEqualTo(400);
    assertThat(badAccountPath.json().path("detail").asText()).contains("12-digit");
    assertThat(badMove.status()).isEqualTo(400);
    assertThat(fields(badMove)).containsExactly("resellerId");
    assertThat(badRetirement.status()).isEqualTo(400);
    verifyNoInteractions(registry);
  }

  @Test
  void aRegistrationIsMadeByTheCallingAdministratorAndAnswersWithItsLocation() {
    PayerAccount entry =
        new PayerAccount(
            UUID.randomUUID(),
            "123456789012",
            "ACME",
            "Acme",
            OffsetDateTime.parse("2026-01-05T09:30:00Z"),
            RegistrySource.ADMIN,
            "admin",
            null,
            null);
    ArgumentCaptor<AppUser> caller = ArgumentCaptor.forClass(AppUser.class);
    when(registry.register(
            caller.capture(), eq(new NewPayerAccount("123456789012", "ACME", "Acme"))))
        .thenReturn(entry);

    Api.Response created =
        api.postJson("admin", ACCOUNTS, registration("123456789012", "ACME", "Acme"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo(ACCOUNTS + "/123456789012");
    assertThat(created.json().path("source").asText()).isEqualTo("admin");
    assertThat(created.json().path("since").asText()).isEqualTo("2026-01-05T09:30:00Z");
    assertThat(caller.getValue().userId()).isEqualTo("admin");
  }

  @Test
  void anImportMustBeSmallEnoughCsvAndGoesToTheRegistryAsSent() {
    when(registry.importCsv(any(), any()))
        .thenReturn(new PayerAccountAdministration.ImportResult(1, 1, 0));

    Api.Response json =
        api.postJson("admin", ACCOUNTS + "/import", registration("123456789012", "ACME", "A"));
    Api.Response tooLarge = api.post("admin", ACCOUNTS + "/import", "text/csv", new byte[1024 + 1]);
    Api.Response imported =
        api.post("admin", ACCOUNTS + "/import", "text/csv;charset=UTF-8", bytes(CSV));

    assertThat(json.status()).isEqualTo(415);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().path("type").asText()).endsWith(":import-too-large");
    assertThat(tooLarge.json().path("detail").asText()).contains("1024 bytes");
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("registered").asInt()).isOne();
    verify(registry).importCsv(any(), eq(bytes(CSV)));
  }

  @Test
  void theListAsksForTheRequestedPageAndFilter() {
    when(registry.list(eq("GLOBEX"), eq(true), eq(2), eq(10)))
        .thenReturn(new PayerAccountAdministration.Page(List.of(), 2, 10, 21));

    Api.Response third =
        api.get("admin", ACCOUNTS + "?resellerId=GLOBEX&includeRetired=true&page=2&size=10");
    Api.Response badSize = api.get("admin", ACCOUNTS + "?size=501");
    Api.Response badFlag = api.get("admin", ACCOUNTS + "?includeRetired=maybe");
    Api.Response badReseller = api.get("admin", ACCOUNTS + "?resellerId=a%20b");

    assertThat(third.status()).as(third.toString()).isEqualTo(200);
    assertThat(third.json().path("totalPages").asLong()).isEqualTo(3);
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badFlag.status()).isEqualTo(400);
    assertThat(badReseller.status()).isEqualTo(400);
  }

  private static Map<String, Object> registration(
      String accountId, String resellerId, String name) {
    return Map.of("accountId", accountId, "resellerId", resellerId, "name", name);
  }

  private static List<String> fields(Api.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields.stream().distinct().sorted().toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
