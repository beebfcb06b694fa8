package com.ingrammicro.masterpayer.offboarding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code offboarding} table. Writes that follow the journey only touch active offboardings. */
@Repository
class OffboardingRepository {

  static final String COLUMNS =
      """
      id, reseller_id, payer_account_id, status, stage, reason, contact_email, new_party_name, new_party_email,
      new_party_kind, requested_by, reseller_action, reseller_action_detail, status_reason, process_instance_id,
      created_at, updated_at, ended_at, payer_registry_entry_id""";

  static final RowMapper<Offboarding> ROW = OffboardingRepository::map;

  record Idempotent(Offboarding offboarding, String fingerprint) {}

  private final JdbcClient jdbc;

  OffboardingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Offboarding o, String idempotencyKey, String fingerprint) {
    jdbc.sql(
            """
            insert into offboarding (id, reseller_id, payer_account_id, status, stage, reason, contact_email,
              new_party_name, new_party_email, new_party_kind, requested_by, idempotency_key, request_fingerprint,
              created_at, updated_at, payer_registry_entry_id)
            values (:id, :resellerId, :payer, :status, :stage, :reason, :contactEmail, :partyName, :partyEmail,
              :partyKind, :requestedBy, :key, :fingerprint, :createdAt, :updatedAt, :registryEntry)""")
        .param("id", o.id())
        .param("resellerId", o.resellerId())
        .param("payer", o.payerAccountId())
        .param("status", o.status().name())
        .param("stage", o.stage().name())
        .param("reason", o.reason())
        .param("contactEmail", o.contactEmail())
        .param("partyName", o.newResponsibleParty().name())
        .param("partyEmail", o.newResponsibleParty().email())
        .param("partyKind", o.newResponsibleParty().kind().name())
        .param("requestedBy", o.requestedBy())
        .param("key", idempotencyKey)
        .param("fingerprint", fingerprint)
        .param("createdAt", o.createdAt())
        .param("updatedAt", o.updatedAt())
        .param("registryEntry", o.payerRegistryEntryId())
        .update();
  }

  /**
   * Sets the process instance unless another one is set already; the row's lock serialises
   * concurrent starts.
   */
  boolean bindProcessInstance(UUID id, String processInstanceId) {
    return jdbc.sql(
                "update offboarding set process_instance_id = :pid where id = :id "
                    + "and (process_instance_id is null or process_instance_id = :pid)")
            .param("pid", processInstanceId)
            .param("id", id)
            .update()
        == 1;
  }

  Optional<Offboarding> findById(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from offboarding where id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  Optional<Offboarding> findActiveByPayer(String payerAccountId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from offboarding where payer_account_id = :payer and status = 'IN_PROGRESS'")
        .param("payer", payerAccountId)
        .query(ROW)
        .optional();
  }

  Optional<Idempotent> findByIdempotencyKey(String resellerId, String key) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", request_fingerprint from offboarding "
                + "where reseller_id = :resellerId and idempotency_key = :key")
        .param("resellerId", resellerId)
        .param("key", key)
        .query((rs, n) -> new Idempotent(map(rs, n), rs.getString("request_fingerprint").trim()))
        .optional();
  }

  /** A page of offboardings, newest first; {@code resellerId} null means all resellers. */
  List<Offboarding> page(String resellerId, OffboardingStatus status, int offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from offboarding"
                + where(resellerId, status)
                + " order by created_at desc, id offset :offset rows fetch next :limit rows only")
        .params(filter(resellerId, status))
        .param("offset", offset)
        .param("limit", limit)
        .query(ROW)
        .list();
  }

  long count(String resellerId, OffboardingStatus status) {
    return jdbc.sql("select count(*) from offboarding" + where(resellerId, status))
        .params(filter(resellerId, status))
        .query(Long.class)
        .single();
  }

  int updateStage(UUID id, Stage stage, OffsetDateTime now) {
    return jdbc.sql(
            "update offboarding set stage = :stage, updated_at = :now where id = :id and status = 'IN_PROGRESS'")
        .param("stage", stage.name())
        .param("now", now)
        .param("id", id)
        .update();
  }

  int updateResellerAction(UUID id, ResellerAction action, String detail, OffsetDateTime now) {
    return jdbc.sql(
            """
            update offboarding set reseller_action = :action, reseller_action_detail = :detail, updated_at = :now
            where id = :id and status = 'IN_PROGRESS'""")
        .param("action", action == null ? null : action.name())
        .param("detail", detail)
        .param("now", now)
        .param("id", id)
        .update();
  }

  int conclude(UUID id, OffboardingStatus status, String reason, OffsetDateTime now) {
    return jdbc.sql(
            """
            update offboarding set status = :status, status_reason = :reason, reseller_action = null,
              reseller_action_detail = null, updated_at = :now, ended_at = :now
            where id = :id and status = 'IN_PROGRESS'""")
        .param("status", status.name())
        .param("reason", reason)
        .param("now", now)
        .param("id", id)
        .update();
  }

  private static String where(String resellerId, OffboardingStatus status) {
    if (resellerId == null && status == null) {
      return "";
    }
    if (resellerId == null) {
      return " where status = :status";
    }
    return status == null
        ? " where reseller_id = :resellerId"
        : " where reseller_id = :resellerId and status = :status";
  }

  private static Map<String, Object> filter(String resellerId, OffboardingStatus status) {
    Map<String, Object> params = new HashMap<>();
    if (resellerId != null) {
      params.put("resellerId", resellerId);
    }
    if (status != null) {
      params.put("status", status.name());
    }
    return params;
  }

  private static Offboarding map(ResultSet rs, int rowNum) throws SQLException {
    String action = rs.getString("reseller_action");
    return new Offboarding(
        rs.getObject("id", UUID.class),
        rs.getString("reseller_id"),
        rs.getString("payer_account_id").trim(),
        OffboardingStatus.valueOf(rs.getString("status")),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("reason"),
        rs.getString("contact_email"),
        new NewResponsibleParty(
            rs.getString("new_party_name"),
            rs.getString("new_party_email"),
            PartyKind.valueOf(rs.getString("new_party_kind"))),
        rs.getString("requested_by"),
        action == null ? null : ResellerAction.valueOf(action),
        rs.getString("reseller_action_detail"),
        rs.getString("status_reason"),
        rs.getString("process_instance_id"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("ended_at", OffsetDateTime.class),
        rs.getObject("payer_registry_entry_id", UUID.class));
  }
}
