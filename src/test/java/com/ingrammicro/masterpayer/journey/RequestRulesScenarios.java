package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Concurrently;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of a reseller's request to start: one active offboarding per payer, answered with its
 * id to its own reseller only, exactly one winner of concurrent starts, and retries with an
 * idempotency key that replay the original. Run on H2 ({@link H2RequestRulesIT}) and on PostgreSQL
 * ({@link PostgresRequestRulesIT}): a unique index and the database's locking decide between
 * concurrent requests. The request's validation is the web layer's ({@code
 * OffboardingControllerTest}).
 */
abstract class RequestRulesScenarios extends JourneyScenario {

  @Test
  void secondActiveOffboardingForPayerIsRefusedWithTheExistingId() {
    String payer = randomPayer();
    String first = start("acme", payer);

    Api.Response second = api.postJson("acme", "/api/offboardings", request(payer));
    Api.Response byAnotherReseller = api.postJson("globex", "/api/offboardings", request(payer));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(second.json().path("offboardingId").asText()).isEqualTo(first);
    assertThat(byAnotherReseller.status())
        .as("another reseller's payer account is not registered to globex")
        .isEqualTo(422);
    assertThat(byAnotherReseller.json().path("type").asText()).endsWith(":payer-not-registered");
    assertThat(byAnotherReseller.json().has("offboardingId"))
        .as("no id of another reseller's offboarding")
        .isFalse();
  }

  @Test
  void concurrentStartsForOnePayerLetExactlyOneWin() throws Exception {
    String payer = journeys.registeredPayer("acme");
    List<Api.Response> responses =
        Concurrently.call(8, () -> api.postJson("acme", "/api/offboardings", request(payer)));

    List<Api.Response> created =
        responses.stream().filter(response -> response.status() == 201).toList();
    assertThat(created).hasSize(1);
    String winner = created.get(0).json().path("id").asText();
    assertThat(responses)
        .filteredOn(response -> response.status() != 201)
        .hasSize(7)
        .allSatisfy(
            response -> {
              assertThat(response.status()).isEqualTo(409);
              assertThat(response.json().path("offboardingId").asText()).isEqualTo(winner);
            });
    assertThat(listIds("acme", "IN_PROGRESS").stream().filter(winner::equals)).hasSize(1);
  }

  @Test
  void retryWithTheSameIdempotencyKeyReplaysTheOriginal() throws Exception {
    String payer = journeys.registeredPayer("acme");
    Map<String, String> key = Map.of("Idempotency-Key", "order-" + payer);

    Api.Response first = api.postJson("acme", "/api/offboardings", request(payer), key);
    Api.Response retry = api.postJson("acme", "/api/offboardings", request(payer), key);
    List<Api.Response> concurrentRetries =
        Concurrently.call(4, () -> api.postJson("acme", "/api/offboardings", request(payer), key));
    Map<String, Object> otherBody = new LinkedHashMap<>(request(payer));
    otherBody.put("reason", "Something else entirely");
    Api.Response reusedKey = api.postJson("acme", "/api/offboardings", otherBody, key);

    assertThat(first.status()).isEqualTo(201);
    String id = first.json().path("id").asText();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.json().path("id").asText()).isEqualTo(id);
    assertThat(concurrentRetries)
        .allSatisfy(
            response -> {
              assertThat(response.status()).isEqualTo(201);
              assertThat(response.json().path("id").asText()).isEqualTo(id);
            });
    assertThat(reusedKey.status()).isEqualTo(422);
    assertThat(reusedKey.json().path("type").asText()).endsWith("idempotency-key-reused");
  }
}
