package com.ingrammicro.masterpayer.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_client} and {@code api_client_change} tables (V11). */
@Repository
class ApiClientRepository {

  private static final String COLUMNS =
      "client_id, reseller_id, name, scopes, created_at, created_by, credentials_since,"
          + " revoked_at, revoked_by";

  /** A client with the hash of its secret, as the authorization server needs it. */
  record Stored(ApiClient client, String secretHash) {}

  private final JdbcClient jdbc;

  ApiClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String clientId) {
    return jdbc.sql("select count(*) from api_client where client_id = :id")
            .param("id", clientId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(ApiClient client, String secretHash) {
    jdbc.sql(
            "insert into api_client (client_id, reseller_id, name, secret_hash, scopes, created_at,"
                + " created_by, credentials_since) values (:id, :reseller, :name, :hash, :scopes,"
                + " :at, :by, :at)")
        .param("id", client.clientId())
        .param("reseller", client.resellerId())
        .param("name", client.name())
        .param("hash", secretHash)
        .param("scopes", String.join(" ", client.scopes()))
        .param("at", client.createdAt())
        .param("by", client.createdBy())
        .update();
    change(
        client.clientId(),
        "REGISTERED",
        client.resellerId(),
        client.createdBy(),
        client.createdAt());
  }

  Optional<Stored> find(String clientId) {
    return jdbc.sql("select " + COLUMNS + ", secret_hash from api_client where client_id = :id")
        .param("id", clientId)
        .query((row, index) -> new Stored(client(row), row.getString("secret_hash")))
        .optional();
  }

  /** The client's row, locked until the transaction ends. */
  Optional<ApiClient> lock(String clientId) {
    return jdbc.sql("select " + COLUMNS + " from api_client where client_id = :id for update")
        .param("id", clientId)
        .query((row, index) -> client(row))
        .optional();
  }

  /** Every client, or the reseller's when one is given. */
  List<ApiClient> list(String resellerId) {
    String order = " order by reseller_id, client_id";
    return resellerId == null
        ? jdbc.sql("select " + COLUMNS + " from api_client" + order)
            .query((row, index) -> client(row))
            .list()
        : jdbc.sql("select " + COLUMNS + " from api_client where reseller_id = :reseller" + order)
            .param("reseller", resellerId)
            .query((row, index) -> client(row))
            .list();
  }

  List<ApiClient.Change> changes(String clientId) {
    return jdbc.sql(
            "select kind, changed_by, changed_at from api_client_change where client_id = :id"
                + " order by changed_at, id")
        .param("id", clientId)
        .query(
            (row, index) ->
                new ApiClient.Change(
                    row.getString("kind"),
                    row.getString("changed_by"),
                    row.getObject("changed_at", OffsetDateTime.class)))
        .list();
  }

  void rotate(ApiClient client, String secretHash, String by, OffsetDateTime at) {
    jdbc.sql(
            "update api_client set secret_hash = :hash, credentials_since = :at"
                + " where client_id = :id")
        .param("hash", secretHash)
        .param("at", at)
        .param("id", client.clientId())
        .update();
    change(client.clientId(), "ROTATED", client.resellerId(), by, at);
  }

  /** A new hash of the same secret, for an active client; not a change of its credentials. */
  boolean rehash(String clientId, String secretHash) {
    return jdbc.sql(
                "update api_client set secret_hash = :hash"
                    + " where client_id = :id and revoked_at is null")
            .param("hash", secretHash)
            .param("id", clientId)
            .update()
        == 1;
  }

  void revoke(ApiClient client, String by, OffsetDateTime at) {
    jdbc.sql("update api_client set revoked_at = :at, revoked_by = :by where client_id = :id")
        .param("at", at)
        .param("by", by)
        .param("id", client.clientId())
        .update();
    change(client.clientId(), "REVOKED", client.resellerId(), by, at);
  }

  private void change(
      String clientId, String kind, String resellerId, String by, OffsetDateTime at) {
    jdbc.sql(
            "insert into api_client_change (id, client_id, kind, reseller_id, changed_by, changed_at)"
                + " values (:id, :client, :kind, :reseller, :by, :at)")
        .param("id", UUID.randomUUID())
        .param("client", clientId)
        .param("kind", kind)
        .param("reseller", resellerId)
        .param("by", by)
        .param("at", at)
        .update();
  }

  private static ApiClient client(ResultSet row) throws SQLException {
    return new ApiClient(
        row.getString("client_id"),
        row.getString("reseller_id"),
        row.getString("name"),
        Arrays.stream(row.getString("scopes").split(" ")).filter(s -> !s.isBlank()).toList(),
        row.getObject("created_at", OffsetDateTime.class),
        row.getString("created_by"),
        row.getObject("credentials_since", OffsetDateTime.class),
        row.getObject("revoked_at", OffsetDateTime.class),
        row.getString("revoked_by"),
        List.of());
  }
}
