package com.ingrammicro.masterpayer.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The sort orders the audit search accepts, as {@code field,asc|desc}. Only indexed or cheap columns
 * are offered, and the column names are never taken from the request: the field name selects one
 * of these constants. The id is always the last key, so pages never overlap or skip rows.
 */
record AuditSort(String field, boolean descending) {

  static final AuditSort DEFAULT = new AuditSort("createdAt", true);

  private static final Map<String, String> COLUMNS = Map.of(
      "createdAt", "created_at",
      "endedAt", "ended_at",
      "updatedAt", "updated_at",
      "status", "status",
      "stage", "stage",
      "resellerId", "reseller_id",
      "payerAccountId", "payer_account_id");

  /** The sort named by a request parameter, or empty when it is not one of the whitelisted fields. */
  static Optional<AuditSort> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(DEFAULT);
    }
    String[] parts = value.split(",", -1);
    if (parts.length > 2 || !COLUMNS.containsKey(parts[0].trim())) {
      return Optional.empty();
    }
    String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
    if (!direction.equals("asc") && !direction.equals("desc")) {
      return Optional.empty();
    }
    return Optional.of(new AuditSort(parts[0].trim(), direction.equals("desc")));
  }

  static String fields() {
    return String.join(", ", Arrays.stream(COLUMNS.keySet().toArray(String[]::new)).sorted().toList());
  }

  String orderBy() {
    String direction = descending ? " desc" : " asc";
    // NULLs (an ended_at of a running offboarding) sort last either way, on H2 and PostgreSQL alike.
    return " order by " + COLUMNS.get(field) + direction + " nulls last, id" + direction;
  }
}
