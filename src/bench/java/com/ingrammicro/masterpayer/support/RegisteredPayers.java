package com.ingrammicro.masterpayer.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Payer accounts registered to the demo resellers for a benchmark, through the administrators' CSV
 * import (as an administrator would load a reseller's accounts), and handed out one at a time: a
 * start through the API needs a payer account registered to its reseller. Registering happens
 * before a measurement, never during one.
 */
public final class RegisteredPayers {

  /** Rows per import: well within the default size cap of 1 MB. */
  private static final int ROWS_PER_IMPORT = 10_000;

  private final Api api;
  private final Map<String, Queue<String>> unused = new ConcurrentHashMap<>();

  public RegisteredPayers(Api api) {
    this.api = api;
  }

  /** Registers {@code count} new payer accounts to the reseller of each demo reseller user. */
  public void register(int count, String... resellers) {
    for (String reseller : resellers) {
      Queue<String> payers = unused.computeIfAbsent(reseller, r -> new ConcurrentLinkedQueue<>());
      for (int from = 0; from < count; from += ROWS_PER_IMPORT) {
        StringBuilder csv = new StringBuilder("accountId,resellerId,name\n");
        Queue<String> batch = new ConcurrentLinkedQueue<>();
        for (int i = from; i < Math.min(count, from + ROWS_PER_IMPORT); i++) {
          String payer = TestRequests.randomPayer();
          batch.add(payer);
          csv.append(payer)
              .append(',')
              .append(Journeys.resellerIdOf(reseller))
              .append(",Benchmark payer ")
              .append(payer)
              .append('\n');
        }
        Api.Response imported =
            api.post(
                Journeys.ADMIN,
                "/api/admin/payer-accounts/import",
                "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        if (imported.status() != 200) {
          throw new IllegalStateException("Registering the benchmark's payers failed: " + imported);
        }
        payers.addAll(batch);
      }
    }
  }

  /** A payer account registered to the reseller that no offboarding of the benchmark used yet. */
  public String next(String reseller) {
    Queue<String> payers = unused.get(reseller);
    String payer = payers == null ? null : payers.poll();
    if (payer == null) {
      throw new IllegalStateException("No registered payer account left for " + reseller);
    }
    return payer;
  }
}
