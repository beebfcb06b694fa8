package com.ingrammicro.masterpayer.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Concurrently;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * Resellers as OAuth2 clients of the embedded authorization server, end to end over HTTP: tokens
 * from {@code /oauth2/token} (client credentials), checked by the API on every call; clients
 * registered, rotated and revoked by administrators over {@code /api/admin/clients}.
 */
abstract class ApiClientScenarios extends RunningApplication {

  private static final String TOKEN_REQUEST = "grant_type=client_credentials";

  @Autowired private JdbcClient jdbc;

  @Test
  void aResellersTokenStartsAndReadsItsOwnOffboardingsOnly() {
    String acmes = journeys.start("acme", TestRequests.randomPayer());

    Api.Response own = api.get("acme", "/api/offboardings/" + acmes);
    Api.Response foreign = api.get("globex", "/api/offboardings/" + acmes);
    Api.Response globexList = api.get("globex", "/api/offboardings?size=500");

    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().path("resellerId").asText()).isEqualTo("ACME");
    assertThat(foreign.status())
        .as("another reseller's offboarding does not exist for globex")
        .isEqualTo(404);
    assertThat(globexList.json().path("content").findValuesAsText("id")).doesNotContain(acmes);
    assertThat(api.get("globex", "/api/offboardings/" + acmes + "/cta").status()).isEqualTo(404);
  }

  @Test
  void theTokenAnswerIsAShortLivedBearerTokenWithTheClientsScopes() {
    Api.Response answer = api.requestToken("acme", "acme", TOKEN_REQUEST);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode token = answer.json();
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asInt()).isBetween(1, 300);
    assertThat(token.path("scope").asText().split(" "))
        .containsExactlyInAnyOrder("offboardings:read", "offboardings:write");
    assertThat(answer.header("Cache-Control")).contains("no-store");
  }

  @Test
  void eachOperationNeedsItsScope() {
    Map<String, String> reader = register("ACME", List.of("offboardings:read"));
    api.client(reader.get("clientId"), reader.get("clientSecret"));
    String acmes = journeys.start("acme", TestRequests.randomPayer());

    Api.Response read = api.get(reader.get("clientId"), "/api/offboardings/" + acmes);
    Api.Response start =
        api.postJson(
            reader.get("clientId"),
            "/api/offboardings",
            TestRequests.offboarding(TestRequests.randomPayer()));
    Api.Response withdraw =
        api.postJson(
            reader.get("clientId"), "/api/offboardings/" + acmes + "/withdrawal", Map.of());
    Api.Response writeOnly =
        api.requestToken(
            reader.get("clientId"),
            reader.get("clientSecret"),
            TOKEN_REQUEST + "&scope=offboardings:write");

    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertThat(start.status()).as(start.toString()).isEqualTo(403);
    assertThat(start.header("WWW-Authenticate")).contains("insufficient_scope");
    assertThat(start.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(withdraw.status()).isEqualTo(403);
    assertThat(writeOnly.status()).as("a scope the client was not given").isEqualTo(400);
    assertThat(writeOnly.json().path("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void tokensThatAreExpiredForAnotherAudienceOrIssuerOrTamperedWithAreRefused() {
    String good = api.token("acme");
    TestTokens signer = new TestTokens(applicationKey());
    String issuer = issuerOf(good);
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));

    Map<String, String> refused =
        Map.of(
            "expired",
            signer.sign(
                claims(good, issuer)
                    .issuedAt(hourAgo)
                    .notBefore(hourAgo)
                    .expiresAt(hourAgo.plus(Duration.ofMinutes(5)))
                    .build()),
            "another audience",
            signer.sign(claims(good, issuer).audience(List.of("billing-api")).build()),
            "another issuer",
            signer.sign(TestTokens.claims("acme", "ACME", "https://issuer.example").build()),
            "another key",
            new TestTokens(TestTokens.SLICE_KEY).sign(claims(good, issuer).build()),
            "tampered",
            tamper(good),
            "no reseller",
            signer.sign(claims(good, issuer).claim("reseller", "").build()));

    assertThat(
            api.get("bearer:" + signer.sign(claims(good, issuer).build()), "/api/offboardings")
                .status())
        .as("the control: a token made the same way with nothing wrong is accepted")
        .isEqualTo(200);
    refused.forEach(
        (what, token) -> {
          Api.Response answer = api.get("bearer:" + token, "/api/offboardings");
          assertThat(answer.status()).as(what + ": " + answer).isEqualTo(401);
          assertThat(answer.header("WWW-Authenticate")).as(what).contains("invalid_token");
          assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        });
  }

  @Test
  void aRevokedClientGetsNoTokenAndItsTokensStopWorking() {
    Map<String, String> client = register("ACME", null);
    String clientId = client.get("clientId");
    api.client(clientId, client.get("clientSecret"));
    String token = api.token(clientId);
    assertThat(api.get(clientId, "/api/offboardings").status()).isEqualTo(200);

    Api.Response revoked = api.delete("admin", "/api/admin/clients/" + clientId);

    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
    assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("admin");
    assertThat(api.get("bearer:" + token, "/api/offboardings").status()).isEqualTo(401);
    Api.Response newToken = api.requestToken(clientId, client.get("clientSecret"), TOKEN_REQUEST);
    assertThat(newToken.status()).isEqualTo(401);
    assertThat(newToken.json().path("error").asText()).isEqualTo("invalid_client");
    assertThat(api.delete("admin", "/api/admin/clients/" + clientId).status()).isEqualTo(409);
  }

  @Test
  void aRotatedSecretReplacesTheOldOneAndItsTokens() {
    Map<String, String> client = register("GLOBEX", null);
    String clientId = client.get("clientId");
    api.client(clientId, client.get("clientSecret"));
    String oldToken = api.token(clientId);

    Api.Response rotated =
        api.postJson("admin", "/api/admin/clients/" + clientId + "/secret", Map.of());

    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String newSecret = rotated.json().path("clientSecret").asText();
    assertThat(newSecret).isNotBlank().isNotEqualTo(client.get("clientSecret"));
    assertThat(api.requestToken(clientId, client.get("clientSecret"), TOKEN_REQUEST).status())
        .as("the old secret")
        .isEqualTo(401);
    assertThat(api.get("bearer:" + oldToken, "/api/offboardings").status())
        .as("a token issued under the old secret")
        .isEqualTo(401);
    api.client(clientId, newSecret);
    assertThat(api.get(clientId, "/api/offboardings").status()).isEqualTo(200);
    JsonNode history = api.get("admin", "/api/admin/clients/" + clientId).json().path("changes");
    assertThat(history.findValuesAsText("kind")).containsExactly("REGISTERED", "ROTATED");
    assertThat(history.findValuesAsText("changedBy")).containsOnly("admin");
  }

  @Test
  void aSecretHashedInAnOlderEncodingIsRehashedWhenItChecksOutAndKeepsWorking() {
    Map<String, String> client = register("GLOBEX", null);
    String clientId = client.get("clientId");
    // as an installation whose secrets were hashed before bcrypt was the default would hold it
    jdbc.sql("update api_client set secret_hash = :hash where client_id = :id")
        .param("hash", "{noop}" + client.get("clientSecret"))
        .param("id", clientId)
        .update();

    Api.Response first = api.requestToken(clientId, client.get("clientSecret"), TOKEN_REQUEST);
    String stored =
        jdbc.sql("select secret_hash from api_client where client_id = :id")
            .param("id", clientId)
            .query(String.class)
            .single();
    Api.Response again = api.requestToken(clientId, client.get("clientSecret"), TOKEN_REQUEST);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(stored).as("upgraded by the authorization server").startsWith("{bcrypt}");
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(
            api.get("bearer:" + first.json().path("access_token").asText(), "/api/offboardings")
                .status())
        .as("a re-hash is no rotation: the token stays good")
        .isEqualTo(200);
  }

  @Test
  void fiftyWrongSecretsLockNobodyOutAndEachIsSlowed() throws Exception {
    Map<String, String> client = register("ACME", null);
    String clientId = client.get("clientId");

    List<Long> millis =
        Concurrently.call(
            50,
            () -> {
              long started = System.nanoTime();
              Api.Response answer =
                  api.requestToken(clientId, "wrong-" + UUID.randomUUID(), TOKEN_REQUEST);
              assertThat(answer.status()).isEqualTo(401);
              assertThat(answer.json().path("error").asText()).isEqualTo("invalid_client");
              return (System.nanoTime() - started) / 1_000_000;
            });
    Api.Response right = api.requestToken(clientId, client.get("clientSecret"), TOKEN_REQUEST);

    assertThat(millis)
        .as("every wrong secret waits the configured delay (1 s) before its 401")
        .allMatch(ms -> ms >= 1_000);
    assertThat(right.status()).as("the right secret works at once: " + right).isEqualTo(200);
  }

  @Test
  void administratorsRegisterClientsAndShowTheSecretOnlyOnce() {
    Map<String, Object> request = Map.of("resellerId", "ACME", "name", "Acme billing robot");

    Api.Response made = api.postJson("admin", "/api/admin/clients", request);

    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String clientId = made.json().path("clientId").asText();
    assertThat(made.header("Location")).isEqualTo("/api/admin/clients/" + clientId);
    assertThat(made.header("Cache-Control")).contains("no-store");
    assertThat(made.json().path("clientSecret").asText()).hasSizeGreaterThanOrEqualTo(43);
    Api.Response shown = api.get("admin", "/api/admin/clients/" + clientId);
    assertThat(shown.text())
        .doesNotContain(made.json().path("clientSecret").asText())
        .doesNotContain("bcrypt");
    assertThat(shown.json().path("resellerId").asText()).isEqualTo("ACME");
    assertThat(shown.json().path("createdBy").asText()).isEqualTo("admin");
    assertThat(
            api.get("admin", "/api/admin/clients?resellerId=ACME")
                .json()
                .findValuesAsText("clientId"))
        .contains(clientId, "acme")
        .doesNotContain("globex");
    assertThat(
            jdbc.sql("select secret_hash from api_client where client_id = :id")
                .param("id", clientId)
                .query(String.class)
                .single())
        .as("kept only as its hash")
        .startsWith("{bcrypt}");

    Api.Response unknownReseller =
        api.postJson("admin", "/api/admin/clients", Map.of("resellerId", "NOSUCH", "name", "x"));
    Api.Response taken =
        api.postJson(
            "admin",
            "/api/admin/clients",
            Map.of("resellerId", "ACME", "name", "x", "clientId", "acme"));
    Api.Response badScope =
        api.postJson(
            "admin",
            "/api/admin/clients",
            Map.of("resellerId", "ACME", "name", "x", "scopes", List.of("everything")));
    assertThat(unknownReseller.status()).isEqualTo(422);
    assertThat(taken.status()).isEqualTo(409);
    assertThat(badScope.status()).isEqualTo(400);
    assertThat(api.postJson("sales", "/api/admin/clients", request).status()).isEqualTo(403);
    assertThat(api.get("acme", "/api/admin/clients").status()).isEqualTo(403);
  }

  @Test
  void httpBasicIsNoWayInForResellers() {
    Api.Response basic = api.get("acme:acme", "/api/offboardings");
    Api.Response start =
        api.postJson(
            "acme:acme", "/api/offboardings", TestRequests.offboarding(TestRequests.randomPayer()));

    assertThat(basic.status()).isEqualTo(401);
    assertThat(start.status()).isEqualTo(401);
    assertThat(api.get("acme", "/api/offboardings").status())
        .as("the client's tokens still work")
        .isEqualTo(200);
  }

  private Map<String, String> register(String resellerId, List<String> scopes) {
    Map<String, Object> request =
        scopes == null
            ? Map.of("resellerId", resellerId, "name", "Test client")
            : Map.of("resellerId", resellerId, "name", "Test client", "scopes", scopes);
    Api.Response made = api.postJson("admin", "/api/admin/clients", request);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return Map.of(
        "clientId", made.json().path("clientId").asText(),
        "clientSecret", made.json().path("clientSecret").asText());
  }

  /** The application's own signing key, as the database keeps it. */
  private RSAKey applicationKey() {
    return jdbc.sql(
            "select key_id, private_key, public_key from oauth2_signing_key where purpose = 'token-signing'")
        .query(
            (row, index) -> {
              try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return TestTokens.rsaKey(
                    row.getString("key_id"),
                    (RSAPublicKey)
                        rsa.generatePublic(
                            new X509EncodedKeySpec(
                                Base64.getDecoder().decode(row.getString("public_key")))),
                    (RSAPrivateKey)
                        rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(
                                Base64.getDecoder().decode(row.getString("private_key")))));
              } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
              }
            })
        .single();
  }

  private static String issuerOf(String token) {
    return payload(token).path("iss").asText();
  }

  /** The claims of a good token of acme, issued under the same secret as {@code token}. */
  private static JwtClaimsSet.Builder claims(String token, String issuer) {
    return TestTokens.claims("acme", "ACME", issuer)
        .claim("credentials_since", payload(token).path("credentials_since").asLong());
  }

  private static JsonNode payload(String token) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token with one claim changed and the signature kept. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(
            Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
    String changed = payload.replace("\"ACME\"", "\"GLOBEX\"");
    assertThat(changed).isNotEqualTo(payload);
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
