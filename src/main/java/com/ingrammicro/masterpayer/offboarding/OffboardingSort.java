package com.ingrammicro.masterpayer.offboarding;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The orders an {@link OffboardingSearch} offers, named {@code field,asc|desc} after the fields of
 * {@link Offboarding}. Only indexed or cheap columns are offered, and the column names are never
 * taken from the request: the field name selects one of these constants. The id is always the last
 * key, so pages never overlap or skip rows.
 */
public record OffboardingSort(String field, boolean descending) {

  private static final Map<String, String> COLUMNS =
      Map.of(
          "createdAt", "created_at",
          "endedAt", "ended_at",
          "updatedAt", "updated_at",
          "status", "status",
          "stage", "stage",
          "resellerId", "reseller_id",
          "payerAccountId", "payer_account_id");

  /** Newest first. */
  public static final OffboardingSort DEFAULT = new OffboardingSort("createdAt", true);

  public OffboardingSort {
    if (field == null || !COLUMNS.containsKey(field)) {
      throw new IllegalArgumentException(
          "Cannot sort offboardings by '" + field + "', only by " + fields());
    }
  }

  /**
   * The sort named by a request parameter, or empty when it is not one of the whitelisted fields.
   */
  public static Optional<OffboardingSort> parse(String value) {
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
    return Optional.of(new OffboardingSort(parts[0].trim(), direction.equals("desc")));
  }

  /** The fields one may sort by, alphabetically, comma-separated. */
  public static String fields() {
    return String.join(
        ", ", Arrays.stream(COLUMNS.keySet().toArray(String[]::new)).sorted().toList());
  }

  String orderBy() {
    String direction = descending ? " desc" : " asc";
    // NULLs (an ended_at of a running offboarding) sort last either way, on H2 and PostgreSQL
    // alike.
    return " order by " + COLUMNS.get(field) + direction + " nulls last, id" + direction;
  }
}
