package com.ingrammicro.masterpayer.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Valid reseller requests with payer accounts no other test uses. */
public final class TestRequests {

  private TestRequests() {}

  public static String randomPayer() {
    return String.valueOf(
        ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L));
  }

  /** The body of {@code POST /api/offboardings} for a payer account. */
  public static Map<String, Object> offboarding(String payer) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("payerAccountId", payer);
    request.put("reason", "Moving to another distributor");
    request.put("contactEmail", "ops@acme.example");
    request.put(
        "newResponsibleParty",
        Map.of(
            "name",
            "Contoso Distribution",
            "email",
            "billing@contoso.example",
            "kind",
            "DISTRIBUTOR"));
    return request;
  }
}
