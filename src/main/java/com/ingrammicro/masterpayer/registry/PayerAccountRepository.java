package com.ingrammicro.masterpayer.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code payer_account} and {@code payer_account_change} tables (V9). Entries are inserted and
 * retired, never otherwise updated; the unique index on {@code active_account_id} keeps one active
 * entry per payer account.
 */
@Repository
class PayerAccountRepository implements PayerRegistryQuery {

  private static final String ENTRY_COLUMNS =
      "id, account_id, reseller_id, name, since, source, created_by, retired_at, retired_by";

  private static final String CHANGE_COLUMNS =
      "id, account_id, entry_id, kind, reseller_id, previous_reseller_id, name, source, changed_by, changed_at";

  private static final RowMapper<PayerAccount> ENTRY = PayerAccountRepository::entry;
  private static final RowMapper<PayerAccountChange> CHANGE = PayerAccountRepository::change;

  /** Ids per {@code in} list: well below what either database allows in one statement. */
  private static final int IN_LIST = 500;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;

  PayerAccountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * The active entry of the payer account if it belongs to the reseller, its row locked until the
   * transaction ends; empty when the account is not registered and when it is another reseller's,
   * by one and the same query.
   */
  Optional<PayerAccount> lockActive(String accountId, String resellerId) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from payer_account where active_account_id = :account and reseller_id = :reseller"
                + " for update")
        .param("account", accountId)
        .param("reseller", resellerId)
        .query(ENTRY)
        .optional();
  }

  /** The active entry of the payer account, whoever it belongs to, locked as above. */
  Optional<PayerAccount> lockActive(String accountId) {
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from payer_account where active_account_id = :account for update")
        .param("account", accountId)
        .query(ENTRY)
        .optional();
  }

  Optional<PayerAccount> findActive(String accountId) {
    return jdbc.sql(
            "select " + ENTRY_COLUMNS + " from payer_account where active_account_id = :account")
        .param("account", accountId)
        .query(ENTRY)
        .optional();
  }

  /** The active entries of these payer accounts, by account id. */
  Map<String, PayerAccount> findActive(List<String> accountIds) {
    Map<String, PayerAccount> found = new HashMap<>();
    for (int from = 0; from < accountIds.size(); from += IN_LIST) {
      jdbc.sql(
              "select "
                  + ENTRY_COLUMNS
                  + " from payer_account where active_account_id in (:accounts)")
          .param("accounts", accountIds.subList(from, Math.min(accountIds.size(), from + IN_LIST)))
          .query(ENTRY)
          .list()
          .forEach(entry -> found.put(entry.accountId(), entry));
    }
    return found;
  }

  /** Whether the payer account was ever registered, even if it is retired now. */
  boolean everRegistered(String accountId) {
    return jdbc.sql("select count(*) from payer_account where account_id = :account")
            .param("account", accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(PayerAccount entry) {
    jdbc.sql(
            """
            insert into payer_account (id, account_id, reseller_id, name, since, source, created_by,
              active_account_id)
            values (:id, :account, :reseller, :name, :since, :source, :createdBy, :account)""")
        .paramSource(entryParams(entry))
        .update();
  }

  void insert(PayerAccountChange change) {
    jdbc.sql(
            "insert into payer_account_change ("
                + CHANGE_COLUMNS
                + ") values (:id, :account, :entryId, :kind, :reseller, :previousReseller, :name,"
                + " :source, :changedBy, :changedAt)")
        .paramSource(changeParams(change))
        .update();
  }

  /** The entries and their changes of an import, in two batches. */
  void insertAll(List<PayerAccount> entries, List<PayerAccountChange> changes) {
    batches.batchUpdate(
        """
        insert into payer_account (id, account_id, reseller_id, name, since, source, created_by,
          active_account_id)
        values (:id, :account, :reseller, :name, :since, :source, :createdBy, :account)""",
        entries.stream()
            .map(PayerAccountRepository::entryParams)
            .toArray(SqlParameterSource[]::new));
    batches.batchUpdate(
        "insert into payer_account_change ("
            + CHANGE_COLUMNS
            + ") values (:id, :account, :entryId, :kind, :reseller, :previousReseller, :name,"
            + " :source, :changedBy, :changedAt)",
        changes.stream()
            .map(PayerAccountRepository::changeParams)
            .toArray(SqlParameterSource[]::new));
  }

  /** Retires an active entry; false when it was retired already. */
  boolean retire(UUID entryId, OffsetDateTime at, String by) {
    return jdbc.sql(
                """
                update payer_account set retired_at = :at, retired_by = :by, active_account_id = null
                where id = :id and retired_at is null""")
            .param("at", at)
            .param("by", by)
            .param("id", entryId)
            .update()
        == 1;
  }

  /**
   * A page of entries by account id (a payer account's entries newest first); {@code resellerId}
   * null means every reseller.
   */
  List<PayerAccount> page(String resellerId, boolean includeRetired, int offset, int limit) {
    MapSqlParameterSource params = filter(resellerId);
    params.addValue("offset", offset).addValue("limit", limit);
    return jdbc.sql(
            "select "
                + ENTRY_COLUMNS
                + " from payer_account"
                + where(resellerId, includeRetired)
                + " order by account_id, since desc, id offset :offset rows fetch next :limit rows only")
        .paramSource(params)
        .query(ENTRY)
        .list();
  }

  long count(String resellerId, boolean includeRetired) {
    return jdbc.sql("select count(*) from payer_account" + where(resellerId, includeRetired))
        .paramSource(filter(resellerId))
        .query(Long.class)
        .single();
  }

  @Override
  public Optional<PayerAccount> entry(UUID entryId) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from payer_account where id = :id")
        .param("id", entryId)
        .query(ENTRY)
        .optional();
  }

  @Override
  public List<PayerAccountChange> changesOf(String accountId) {
    return jdbc.sql(
            "select "
                + CHANGE_COLUMNS
                + " from payer_account_change where account_id = :account order by changed_at, id")
        .param("account", accountId)
        .query(CHANGE)
        .list();
  }

  @Override
  public List<PayerAccountChange> changes(
      String accountId, String resellerId, int offset, int limit) {
    MapSqlParameterSource params = changeFilter(accountId, resellerId);
    params.addValue("offset", offset).addValue("limit", limit);
    return jdbc.sql(
            "select "
                + CHANGE_COLUMNS
                + " from payer_account_change"
                + changeWhere(accountId, resellerId)
                + " order by changed_at desc, id desc offset :offset rows fetch next :limit rows only")
        .paramSource(params)
        .query(CHANGE)
        .list();
  }

  @Override
  public long countChanges(String accountId, String resellerId) {
    return jdbc.sql(
            "select count(*) from payer_account_change" + changeWhere(accountId, resellerId))
        .paramSource(changeFilter(accountId, resellerId))
        .query(Long.class)
        .single();
  }

  private static String where(String resellerId, boolean includeRetired) {
    List<String> conditions = new ArrayList<>();
    if (resellerId != null) {
      conditions.add("reseller_id = :reseller");
    }
    if (!includeRetired) {
      conditions.add("retired_at is null");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static MapSqlParameterSource filter(String resellerId) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (resellerId != null) {
      params.addValue("reseller", resellerId);
    }
    return params;
  }

  private static String changeWhere(String accountId, String resellerId) {
    List<String> conditions = new ArrayList<>();
    if (accountId != null) {
      conditions.add("account_id = :account");
    }
    if (resellerId != null) {
      conditions.add("(reseller_id = :reseller or previous_reseller_id = :reseller)");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static MapSqlParameterSource changeFilter(String accountId, String resellerId) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (accountId != null) {
      params.addValue("account", accountId);
    }
    if (resellerId != null) {
      params.addValue("reseller", resellerId);
    }
    return params;
  }

  private static MapSqlParameterSource entryParams(PayerAccount entry) {
    return new MapSqlParameterSource()
        .addValue("id", entry.id())
        .addValue("account", entry.accountId())
        .addValue("reseller", entry.resellerId())
        .addValue("name", entry.name())
        .addValue("since", entry.since())
        .addValue("source", entry.source().value())
        .addValue("createdBy", entry.createdBy());
  }

  private static MapSqlParameterSource changeParams(PayerAccountChange change) {
    return new MapSqlParameterSource()
        .addValue("id", change.id())
        .addValue("account", change.accountId())
        .addValue("entryId", change.entryId())
        .addValue("kind", change.kind().name())
        .addValue("reseller", change.resellerId())
        .addValue("previousReseller", change.previousResellerId())
        .addValue("name", change.name())
        .addValue("source", change.source().value())
        .addValue("changedBy", change.changedBy())
        .addValue("changedAt", change.changedAt());
  }

  private static PayerAccount entry(ResultSet rs, int rowNum) throws SQLException {
    return new PayerAccount(
        rs.getObject("id", UUID.class),
        rs.getString("account_id").trim(),
        rs.getString("reseller_id"),
        rs.getString("name"),
        rs.getObject("since", OffsetDateTime.class),
        RegistrySource.of(rs.getString("source")),
        rs.getString("created_by"),
        rs.getObject("retired_at", OffsetDateTime.class),
        rs.getString("retired_by"));
  }

  private static PayerAccountChange change(ResultSet rs, int rowNum) throws SQLException {
    return new PayerAccountChange(
        rs.getObject("id", UUID.class),
        rs.getString("account_id").trim(),
        rs.getObject("entry_id", UUID.class),
        PayerAccountChange.Kind.valueOf(rs.getString("kind")),
        rs.getString("reseller_id"),
        rs.getString("previous_reseller_id"),
        rs.getString("name"),
        RegistrySource.of(rs.getString("source")),
        rs.getString("changed_by"),
        rs.getObject("changed_at", OffsetDateTime.class));
  }
}
