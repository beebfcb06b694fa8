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

  /**
   * Records a new plan round and makes it the current plan: approved at once when {@code
   * approvedBy} is given (the configuration approves), else waiting for a person. An older round
   * still waiting is superseded by it.
   *
   * @return the new round's number
   */
  int addRound(
      UUID offboardingId,
      String planJson,
      String sha256,
      OffsetDateTime now,
      String approvedBy,
      AwsClients.CallCounter calls) {
    // the offboarding's row is locked first: two plan jobs of one offboarding never race for a
    // round
    jdbc.sql("update access_cleanup set updated_at = :now where offboarding_id = :id")
        .param("id", offboardingId)
        .param("now", now)
        .update();
    int round =
        jdbc.sql(
                "select coalesce(max(round), 0) + 1 from access_cleanup_plan where offboarding_id = :id")
            .param("id", offboardingId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            update access_cleanup_plan set decision = 'SUPERSEDED', reason = :reason, decided_at = :now
            where offboarding_id = :id and decision = 'PROPOSED'""")
        .param("id", offboardingId)
        .param("reason", "Replaced by plan round " + round + " before anyone decided.")
        .param("now", now)
        .update();
    jdbc.sql(
            """
            insert into access_cleanup_plan (offboarding_id, round, plan, sha256, planned_at, decision,
              decided_by, decided_at)
            values (:id, :round, :plan, :sha256, :now, :decision, :decidedBy, :decidedAt)""")
        .param("id", offboardingId)
        .param("round", round)
        .param("plan", planJson)
        .param("sha256", sha256)
        .param("now", now)
        .param("decision", approvedBy == null ? "PROPOSED" : "APPROVED")
        .param("decidedBy", approvedBy)
        .param("decidedAt", approvedBy == null ? null : now)
        .update();
    jdbc.sql(
            """
            update access_cleanup set status = :status, plan = :plan, plan_round = :round, failure = null,
              iam_calls = iam_calls + :calls, iam_attempts = iam_attempts + :attempts, updated_at = :now
            where offboarding_id = :id""")
        .param("id", offboardingId)
        .param("status", approvedBy == null ? "PLANNED" : "APPROVED")
        .param("plan", planJson)
        .param("round", round)
        .param("calls", calls.calls())
        .param("attempts", calls.attempts())
        .param("now", now)
        .update();
    return round;
  }

  /**
   * Decides the current round, if it is {@code round}, still waits for a decision and holds the
   * plan whose SHA-256 is {@code sha256}.
   *
   * @return whether it was decided so
   */
  boolean decide(
      UUID offboardingId,
      int round,
      String sha256,
      PlanRound.Decision decision,
      String user,
      String reason,
      OffsetDateTime now) {
    int decided =
        jdbc.sql(
                """
            update access_cleanup_plan set decision = :decision, decided_by = :user, decided_at = :now,
              reason = :reason
            where offboarding_id = :id and round = :round and sha256 = :sha256 and decision = 'PROPOSED'
              and round = (select plan_round from access_cleanup where offboarding_id = :id)""")
            .param("id", offboardingId)
            .param("round", round)
            .param("sha256", sha256)
            .param("decision", decision.name())
            .param("user", user)
            .param("reason", reason)
            .param("now", now)
            .update();
    if (decided == 1) {
      jdbc.sql(
              """
              update access_cleanup set status = :status, failure = :failure, updated_at = :now
              where offboarding_id = :id""")
          .param("id", offboardingId)
          .param("status", decision.name())
          .param("failure", decision == PlanRound.Decision.REJECTED ? reason : null)
          .param("now", now)
          .update();
    }
    return decided == 1;
  }

  /** Ends an approved round whose plan no longer matches the account; a new round follows. */
  void supersede(
      UUID offboardingId,
      int round,
      String reason,
      AwsClients.CallCounter calls,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update access_cleanup_plan set decision = 'SUPERSEDED', reason = :reason
            where offboarding_id = :id and round = :round""")
        .param("id", offboardingId)
        .param("round", round)
        .param("reason", TaskTexts.limit(reason))
        .update();
    saveStatus(offboardingId, AccessRemovalStatus.PLANNED, TaskTexts.limit(reason), calls, now);
  }

  Optional<PlanRound> currentRound(UUID offboardingId) {
    return jdbc.sql(
            """
            select p.* from access_cleanup_plan p join access_cleanup c
              on c.offboarding_id = p.offboarding_id and c.plan_round = p.round
            where p.offboarding_id = :id""")
        .param("id", offboardingId)
        .query(AccessRemovalRepository::round)
        .optional();
  }

  /** Every round, oldest first. */
  List<PlanRound> rounds(UUID offboardingId) {
    return jdbc.sql("select * from access_cleanup_plan where offboarding_id = :id order by round")
        .param("id", offboardingId)
        .query(AccessRemovalRepository::round)
        .list();
  }

  private static PlanRound round(ResultSet rs, int rowNum) throws SQLException {
    return new PlanRound(
        rs.getInt("round"),
        rs.getString("sha256"),
        rs.getObject("planned_at", OffsetDateTime.class),
        PlanRound.Decision.valueOf(rs.getString("decision")),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("reason"),
        rs.getString("plan"));
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
              request_id, called_at, detail)
            values (:id, :offboardingId, :entity, :action, :subject, :outcome, :errorCode, :requestId, :calledAt,
              :detail)""")
                .param("id", UUID.randomUUID())
                .param("offboardingId", offboardingId)
                .param("entity", call.entity())
                .param("action", call.action())
                .param("subject", call.subject())
                .param("outcome", call.outcome().name())
                .param("errorCode", call.errorCode())
                .param("requestId", call.requestId())
                .param("calledAt", call.calledAt().atOffset(ZoneOffset.UTC))
                .param("detail", call.detail())
                .update());
  }

  List<AwsCall> calls(UUID offboardingId) {
    return jdbc.sql(
            """
            select entity, action, subject, outcome, error_code, request_id, called_at, detail from access_cleanup_call
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
                    rs.getObject("called_at", OffsetDateTime.class).toInstant(),
                    rs.getString("detail")))
        .list();
  }

  private static AccessRemovalRecord map(ResultSet rs, int rowNum) throws SQLException {
    return new AccessRemovalRecord(
        rs.getObject("offboarding_id", UUID.class),
        rs.getString("external_id"),
        AccessRemovalStatus.valueOf(rs.getString("status")),
        rs.getString("plan"),
        rs.getObject("plan_round", Integer.class),
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
