package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only reporting queries over the {@code offboarding} table for the audit: filters over tens of
 * thousands of rows and a streamed export, kept out of the offboarding module, which serves one
 * offboarding at a time. One offboarding's documents and mails come from their own modules.
 */
@Repository
class AuditRecords {

  /** Rows fetched per round trip while streaming an export: memory stays flat whatever the total. */
  static final int EXPORT_FETCH_SIZE = 500;

  private static final String COLUMNS = """
      id, reseller_id, payer_account_id, status, stage, status_reason, reason, requested_by, new_party_name,
      new_party_kind, process_instance_id, created_at, updated_at, ended_at""";

  private static final RowMapper<AuditedOffboarding> ROW = AuditRecords::map;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final TransactionTemplate readOnly;

  AuditRecords(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    JdbcTemplate cursor = new JdbcTemplate(dataSource);
    cursor.setFetchSize(EXPORT_FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(cursor);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  List<AuditedOffboarding> search(AuditFilter filter, AuditSort sort, int offset, int limit) {
    Query query = Query.of(filter);
    query.params.addValue("offset", offset).addValue("limit", limit);
    return jdbc.sql("select " + COLUMNS + " from offboarding" + query.where + sort.orderBy()
            + " offset :offset rows fetch next :limit rows only")
        .paramSource(query.params).query(ROW).list();
  }

  long count(AuditFilter filter) {
    Query query = Query.of(filter);
    return jdbc.sql("select count(*) from offboarding" + query.where).paramSource(query.params)
        .query(Long.class).single();
  }

  /**
   * Hands every matching offboarding to {@code sink}, in order, through a database cursor: the rows
   * are never all in memory. PostgreSQL only streams inside a transaction, hence the read-only one.
   */
  void stream(AuditFilter filter, AuditSort sort, Consumer<AuditedOffboarding> sink) {
    Query query = Query.of(filter);
    readOnly.executeWithoutResult(status -> streaming.query("select " + COLUMNS + " from offboarding" + query.where
        + sort.orderBy(), query.params, rs -> {
          sink.accept(map(rs, 0));
        }));
  }

  Optional<AuditedOffboarding> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from offboarding where id = :id").param("id", id).query(ROW).optional();
  }

  private static AuditedOffboarding map(ResultSet rs, int rowNum) throws SQLException {
    return new AuditedOffboarding(
        rs.getObject("id", UUID.class),
        rs.getString("reseller_id"),
        rs.getString("payer_account_id").trim(),
        OffboardingStatus.valueOf(rs.getString("status")),
        Stage.valueOf(rs.getString("stage")),
        rs.getString("status_reason"),
        rs.getString("reason"),
        rs.getString("requested_by"),
        rs.getString("new_party_name"),
        rs.getString("new_party_kind"),
        rs.getString("process_instance_id"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("ended_at", OffsetDateTime.class));
  }

  /** The where clause of a filter with its parameters; only fixed SQL fragments, values are bound. */
  private record Query(String where, MapSqlParameterSource params) {

    static Query of(AuditFilter filter) {
      List<String> conditions = new ArrayList<>();
      MapSqlParameterSource params = new MapSqlParameterSource();
      if (filter.status() != null) {
        conditions.add("status = :status");
        params.addValue("status", filter.status().name());
      }
      if (filter.resellerId() != null) {
        conditions.add("reseller_id = :resellerId");
        params.addValue("resellerId", filter.resellerId());
      }
      if (filter.payerAccountId() != null) {
        conditions.add("payer_account_id = :payer");
        params.addValue("payer", filter.payerAccountId());
      }
      if (filter.stage() != null) {
        conditions.add("stage = :stage");
        params.addValue("stage", filter.stage().name());
      }
      range(conditions, params, "created_at", "started", filter.startedFrom(), filter.startedTo());
      range(conditions, params, "ended_at", "ended", filter.endedFrom(), filter.endedTo());
      return new Query(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static void range(List<String> conditions, MapSqlParameterSource params, String column, String name,
        OffsetDateTime from, OffsetDateTime to) {
      if (from != null) {
        conditions.add(column + " >= :" + name + "From");
        params.addValue(name + "From", from);
      }
      if (to != null) {
        conditions.add(column + " < :" + name + "To");
        params.addValue(name + "To", to);
      }
    }
  }
}
