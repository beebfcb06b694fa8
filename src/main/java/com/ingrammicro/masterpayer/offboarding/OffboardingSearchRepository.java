package com.ingrammicro.masterpayer.offboarding;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporting queries over the {@code offboarding} table, apart from {@link
 * OffboardingRepository} (which serves one offboarding at a time as the journey runs): the filters
 * and orders here are served by the audit indexes (V3), and the export streams through a cursor.
 */
@Repository
class OffboardingSearchRepository implements OffboardingSearch {

  /**
   * Rows fetched per round trip while streaming an export: memory stays flat whatever the total.
   */
  static final int EXPORT_FETCH_SIZE = 500;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final TransactionTemplate readOnly;

  OffboardingSearchRepository(
      JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    JdbcTemplate cursor = new JdbcTemplate(dataSource);
    cursor.setFetchSize(EXPORT_FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(cursor);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public List<Offboarding> search(
      OffboardingCriteria criteria, OffboardingSort sort, int offset, int limit) {
    Query query = Query.of(criteria);
    query.params.addValue("offset", offset).addValue("limit", limit);
    return jdbc.sql(
            "select "
                + OffboardingRepository.COLUMNS
                + " from offboarding"
                + query.where
                + sort.orderBy()
                + " offset :offset rows fetch next :limit rows only")
        .paramSource(query.params)
        .query(OffboardingRepository.ROW)
        .list();
  }

  @Override
  public long count(OffboardingCriteria criteria) {
    Query query = Query.of(criteria);
    return jdbc.sql("select count(*) from offboarding" + query.where)
        .paramSource(query.params)
        .query(Long.class)
        .single();
  }

  /** PostgreSQL only streams from a cursor inside a transaction, hence the read-only one. */
  @Override
  public void stream(
      OffboardingCriteria criteria, OffboardingSort sort, Consumer<Offboarding> sink) {
    Query query = Query.of(criteria);
    readOnly.executeWithoutResult(
        status ->
            streaming.query(
                "select "
                    + OffboardingRepository.COLUMNS
                    + " from offboarding"
                    + query.where
                    + sort.orderBy(),
                query.params,
                rs -> {
                  sink.accept(OffboardingRepository.ROW.mapRow(rs, 0));
                }));
  }

  @Override
  public Optional<Offboarding> find(UUID id) {
    return jdbc.sql("select " + OffboardingRepository.COLUMNS + " from offboarding where id = :id")
        .param("id", id)
        .query(OffboardingRepository.ROW)
        .optional();
  }

  /**
   * The where clause of the criteria with their parameters; only fixed SQL fragments, values are
   * bound.
   */
  private record Query(String where, MapSqlParameterSource params) {

    static Query of(OffboardingCriteria criteria) {
      List<String> conditions = new ArrayList<>();
      MapSqlParameterSource params = new MapSqlParameterSource();
      if (criteria.status() != null) {
        conditions.add("status = :status");
        params.addValue("status", criteria.status().name());
      }
      if (criteria.resellerId() != null) {
        conditions.add("reseller_id = :resellerId");
        params.addValue("resellerId", criteria.resellerId());
      }
      if (criteria.payerAccountId() != null) {
        conditions.add("payer_account_id = :payer");
        params.addValue("payer", criteria.payerAccountId());
      }
      if (criteria.stage() != null) {
        conditions.add("stage = :stage");
        params.addValue("stage", criteria.stage().name());
      }
      range(
          conditions,
          params,
          "created_at",
          "started",
          criteria.startedFrom(),
          criteria.startedTo());
      range(conditions, params, "ended_at", "ended", criteria.endedFrom(), criteria.endedTo());
      return new Query(
          conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static void range(
        List<String> conditions,
        MapSqlParameterSource params,
        String column,
        String name,
        OffsetDateTime from,
        OffsetDateTime to) {
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
