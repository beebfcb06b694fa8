package com.ingrammicro.masterpayer.cleanup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.ingrammicro.masterpayer.system.Digests;
import java.nio.charset.StandardCharsets;

/**
 * The plan as it is stored, shown and approved: one canonical JSON text (compact, properties in a
 * fixed order, map entries by key, instants in ISO 8601, no nulls), independent of the
 * application's own JSON settings. Its SHA-256 is taken over exactly the UTF-8 bytes stored, so
 * anyone holding the text can check the digest an approver saw.
 */
final class CanonicalPlan {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private CanonicalPlan() {}

  static String write(AccessRemovalPlan plan) {
    try {
      return JSON.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the access removal plan as JSON", e);
    }
  }

  static AccessRemovalPlan read(String canonical) {
    try {
      return JSON.readValue(canonical, AccessRemovalPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored access removal plan is not readable", e);
    }
  }

  /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
  static String sha256(String canonical) {
    return Digests.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
