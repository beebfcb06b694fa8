package com.ingrammicro.masterpayer.clients;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A reseller's API client as administrators see it: never its secret, which only the answer that
 * creates or rotates it carries.
 */
record ApiClient(
    String clientId,
    String resellerId,
    String name,
    List<String> scopes,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime credentialsSince,
    OffsetDateTime revokedAt,
    String revokedBy,
    List<Change> changes) {

  ApiClient {
    scopes = List.copyOf(scopes);
    changes = List.copyOf(changes);
  }

  boolean active() {
    return revokedAt == null;
  }

  ApiClient withChanges(List<Change> history) {
    return new ApiClient(
        clientId,
        resellerId,
        name,
        scopes,
        createdAt,
        createdBy,
        credentialsSince,
        revokedAt,
        revokedBy,
        history);
  }

  /** One administrator's change of the client. */
  record Change(String kind, String changedBy, OffsetDateTime changedAt) {}
}
