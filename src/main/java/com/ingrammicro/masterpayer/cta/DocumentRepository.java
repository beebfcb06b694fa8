package com.ingrammicro.masterpayer.cta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code document} table: each document is stored once with its SHA-256, size and content type.
 */
@Repository
class DocumentRepository {

  private static final String COLUMNS =
      "id, offboarding_id, kind, file_name, content_type, size_bytes, sha256, created_at, created_by";

  private static final RowMapper<Document> ROW = DocumentRepository::map;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DocumentRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(Document document, byte[] content) {
    insert(document, content, null);
  }

  /** Stores a document; {@code report} is the signature report of a signed copy, else null. */
  void insert(Document document, byte[] content, SignatureReport report) {
    String reportJson;
    try {
      reportJson = report == null ? null : json.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the signature report as JSON", e);
    }
    jdbc.sql(
            """
            insert into document (id, offboarding_id, kind, file_name, content_type, size_bytes, sha256, content,
              created_at, created_by, signature_report)
            values (:id, :offboardingId, :kind, :fileName, :contentType, :size, :sha256, :content, :createdAt, :createdBy,
              :signatureReport)""")
        .param("id", document.id())
        .param("offboardingId", document.offboardingId())
        .param("kind", document.kind().name())
        .param("fileName", document.fileName())
        .param("contentType", document.contentType())
        .param("size", document.sizeBytes())
        .param("sha256", document.sha256())
        .param("content", content)
        .param("createdAt", document.createdAt())
        .param("createdBy", document.createdBy())
        .param("signatureReport", reportJson)
        .update();
  }

  Optional<SignatureReport> signatureReport(UUID documentId) {
    return jdbc.sql("select signature_report from document where id = :id")
        .param("id", documentId)
        .query((rs, n) -> Optional.ofNullable(rs.getString("signature_report")))
        .optional()
        .flatMap(found -> found)
        .map(this::report);
  }

  private SignatureReport report(String stored) {
    try {
      return json.readValue(stored, SignatureReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored signature report cannot be read", e);
    }
  }

  Optional<Document> findLatest(UUID offboardingId, DocumentKind kind) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from document where offboarding_id = :offboardingId and kind = :kind "
                + "order by created_at desc, id fetch first 1 rows only")
        .param("offboardingId", offboardingId)
        .param("kind", kind.name())
        .query(ROW)
        .optional();
  }

  List<Document> findAll(UUID offboardingId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from document where offboarding_id = :offboardingId order by created_at, id")
        .param("offboardingId", offboardingId)
        .query(ROW)
        .list();
  }

  byte[] content(UUID documentId) {
    return jdbc.sql("select content from document where id = :id")
        .param("id", documentId)
        .query((rs, n) -> rs.getBytes("content"))
        .single();
  }

  private static Document map(ResultSet rs, int rowNum) throws SQLException {
    return new Document(
        rs.getObject("id", UUID.class),
        rs.getObject("offboarding_id", UUID.class),
        DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256").trim(),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getString("created_by"));
  }
}
