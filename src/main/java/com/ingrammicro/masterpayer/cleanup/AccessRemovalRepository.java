package com.ingrammicro.masterpayer.cleanup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Tables {@code access_cleanup} and {@code access_cleanup_call}. */
@Repository
class AccessRemovalRepository {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  AccessRemovalRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  Optional<AccessRemovalRecord> find(UUID offboardingId) {
    return jdbc.sql("select * from access_cleanup where offboarding_id = :id")
        .param("id", offboardingId)
        .query(AccessRemovalRepository::map)
        .optional();
  }

  /**
   * The offboarding's record, created with {@code externalId} if there is none yet (safe under
   * races).
   */
  AccessRemovalRecord findOrCreate(UUID offboardingId, String externalId, OffsetDateTime now) {
    return find(offboardingId)
        .orElseGet(
            () -> {
              try {
                ownTransaction.executeWithoutResult(
                    status ->
                        jdbc.sql(
                                """
                insert into access_cleanup (offboarding_id, external_id, status, created_at, updated_at)
                values (:id, :externalId, 'AWAITING', :now, :now)""")
                            .param("id", offboardingId)
                            .param("externalId", externalId)
                            .param("now", now)
                            .update());
              } catch (DuplicateKeyException raced) {
                // another request created it first: use theirs
              }
              return find(offboardingId).orElseThrow();
            });
  }

  void startStep(UUID offboardingId, OffsetDateTime now) {
    jdbc.sql(
            "update access_cleanup set started_at = coalesce(started_at, :now), updated_at = :now where offboarding_id = :id")
        .param("id", offboardingId)
        .param("now", now)
        .update();
  }

  void savePlan(
      UUID offboardingId, String planJson, AwsClients.CallCounter calls, OffsetDateTime now) {
    jdbc.sql(
            """
            update access_cleanup set status = 'PLANNED', plan = :plan, failure = null,
              iam_calls = iam_calls + :calls, iam_attempts = iam_attempts + :attempts, updated_at = :now
            where offboarding_id = :id""")
        .param("id", offboardingId)
        .param("plan", planJson)
        .param("calls", calls.calls())
        .param("attempts", calls.attempts())
        .param("now", now)
        .update();
  }

  void saveStatus(
      UUID offboardingId,
      AccessRemovalStatus status,
      String failure,
      AwsClients.CallCounter calls,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update access_cleanup set status = :status, failure = :failure,
              iam_calls = iam_calls + :calls, iam_attempts = iam_attempts + :attempts, updated_at = :now
            where offboarding_id = :id""")
        .param("id", offboardingId)
        .param("status", status.name())
        .param("failure", failure)
        .param("calls", calls == null ? 0 : calls.calls())
        .param("attempts", calls == null ? 0 : calls.attempts())
        .param("now", now)
        .update();
  }

  void saveVerification(
      UUID offboardingId,
      AccessRemovalStatus status,
      String verificationJson,
      String failure,
      AwsClients.CallCounter calls,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update access_cleanup set status = :status, verification = :verification, failure = :failure,
              iam_calls = iam_calls + :calls, iam_attempts = iam_attempts + :attempts, updated_at = :now,
              finished_at = case when :status in ('VERIFIED', 'ATTESTED') then :now else null end
            where offboarding_id = :id""")
        .param("id", offboardingId)
        .param("status", status.name())
        .param("verification", verificationJson)
        .param("failure", failure)
        .param("calls", calls == null ? 0 : calls.calls())
        .param("attempts", calls == null ? 0 : calls.attempts())
        .param("now", now)
        .update();
  }

  void attest(UUID offboardingId, String user, String notes, OffsetDateTime now) {
    jdbc.sql(
            """
            update access_cleanup set attested_by = :user, attested_at = :now, attestation_notes = :notes, updated_at = :now
            where offboarding_id = :id""")
        .param("id", offboardingId)
        .param("user", user)
        .param("notes", notes)
        .param("now", now)
        .update();
  }

  /** Written in a transaction of its own: the call happened in AWS whatever becomes of the job. */
  void recordCall(UUID offboardingId, AwsCall call) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.sql(
                    """
            insert into access_cleanup_call (id, offboarding_id, entity, action, subject, outcome, error_code,
              request_id, called_at)
            values (:id, :offboardingId, :entity, :action, :subject, :outcome, :errorCode, :requestId, :calledAt)""")
                .param("id", UUID.randomUUID())
                .param("offboardingId", offboardingId)
                .param("entity", call.entity())
                .param("action", call.action())
                .param("subject", call.subject())
                .param("outcome", call.outcome().name())
                .param("errorCode", call.errorCode())
                .param("requestId", call.requestId())
                .param("calledAt", call.calledAt().atOffset(ZoneOffset.UTC))
                .update());
  }

  List<AwsCall> calls(UUID offboardingId) {
    return jdbc.sql(
            """
            select entity, action, subject, outcome, error_code, request_id, called_at from access_cleanup_call
            where offboarding_id = :id order by called_at, id""")
        .param("id", offboardingId)
        .query(
            (rs, n) ->
                new AwsCall(
                    rs.getString("entity"),
                    rs.getString("action"),
                    rs.getString("subject"),
                    AwsCall.Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("error_code"),
                    rs.getString("request_id"),
                    rs.getObject("called_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  private static AccessRemovalRecord map(ResultSet rs, int rowNum) throws SQLException {
    return new AccessRemovalRecord(
        rs.getObject("offboarding_id", UUID.class),
        rs.getString("external_id"),
        AccessRemovalStatus.valueOf(rs.getString("status")),
        rs.getString("plan"),
        rs.getString("verification"),
        rs.getString("failure"),
        rs.getInt("iam_calls"),
        rs.getInt("iam_attempts"),
        rs.getString("attested_by"),
        rs.getObject("attested_at", OffsetDateTime.class),
        rs.getString("attestation_notes"),
        rs.getObject("started_at", OffsetDateTime.class),
        rs.getObject("finished_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }
}
