package com.ingrammicro.masterpayer.cta.esignature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.EnvelopeEvidence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code cta_envelope} table: one e-signature envelope per offboarding. */
@Repository
class EnvelopeRepository {

  private static final String COLUMNS =
      "offboarding_id, provider, envelope_id, status, status_reason, signed_document_id, evidence, "
          + "created_at, updated_at";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  EnvelopeRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Records a new envelope; a second one of the same offboarding violates the primary key. */
  void insert(ESignatureEnvelope envelope) {
    jdbc.sql(
            """
            insert into cta_envelope (offboarding_id, provider, envelope_id, status, created_at, updated_at)
            values (:offboardingId, :provider, :envelopeId, :status, :createdAt, :createdAt)""")
        .param("offboardingId", envelope.offboardingId())
        .param("provider", envelope.provider())
        .param("envelopeId", envelope.envelopeId())
        .param("status", envelope.status())
        .param("createdAt", envelope.createdAt())
        .update();
  }

  Optional<ESignatureEnvelope> findByOffboarding(UUID offboardingId) {
    return jdbc.sql("select " + COLUMNS + " from cta_envelope where offboarding_id = :id")
        .param("id", offboardingId)
        .query(this::map)
        .optional();
  }

  /**
   * The envelope, locked until the caller's transaction ends: DocuSign may deliver the same
   * notification twice at once, and only one of them may act on it.
   */
  Optional<ESignatureEnvelope> lockByEnvelopeId(String provider, String envelopeId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from cta_envelope where provider = :provider and envelope_id = :envelopeId for update")
        .param("provider", provider)
        .param("envelopeId", envelopeId)
        .query(this::map)
        .optional();
  }

  /** Records the envelope's outcome, its evidence and the signed copy the journey took. */
  void recordOutcome(
      UUID offboardingId,
      String status,
      String statusReason,
      UUID signedDocumentId,
      EnvelopeEvidence evidence,
      OffsetDateTime now) {
    jdbc.sql(
            """
            update cta_envelope set status = :status, status_reason = :reason,
              signed_document_id = :documentId, evidence = :evidence, updated_at = :now
            where offboarding_id = :offboardingId""")
        .param("status", status)
        .param("reason", statusReason)
        .param("documentId", signedDocumentId)
        .param("evidence", write(evidence))
        .param("now", now)
        .param("offboardingId", offboardingId)
        .update();
  }

  private ESignatureEnvelope map(ResultSet rs, int rowNum) throws SQLException {
    String evidence = rs.getString("evidence");
    return new ESignatureEnvelope(
        rs.getObject("offboarding_id", UUID.class),
        rs.getString("provider"),
        rs.getString("envelope_id"),
        rs.getString("status"),
        rs.getString("status_reason"),
        rs.getObject("signed_document_id", UUID.class),
        evidence == null ? null : read(evidence),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  private String write(EnvelopeEvidence evidence) {
    try {
      return evidence == null ? null : json.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record the envelope's evidence", e);
    }
  }

  private EnvelopeEvidence read(String evidence) {
    try {
      return json.readValue(evidence, EnvelopeEvidence.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The recorded evidence of an envelope cannot be read", e);
    }
  }
}
