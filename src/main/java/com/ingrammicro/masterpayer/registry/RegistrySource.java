package com.ingrammicro.masterpayer.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How an entry came into the payer registry. */
public enum RegistrySource {
  /** Added by an administrator over the API, or by a move to another reseller. */
  ADMIN("admin"),
  /** Added by an administrator's CSV import. */
  CSV_IMPORT("csv-import"),
  /** The demo payer accounts of the local profile. */
  SEED("seed");

  private final String value;

  RegistrySource(String value) {
    this.value = value;
  }

  /** The name stored and shown: {@code admin}, {@code csv-import}, {@code seed}. */
  @JsonValue
  public String value() {
    return value;
  }

  static RegistrySource of(String value) {
    return Arrays.stream(values())
        .filter(source -> source.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown registry source " + value));
  }
}
