package com.ingrammicro.masterpayer.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidence;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalEvidenceQuery;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.cta.DocumentQuery;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.ESignatureQuery;
import com.ingrammicro.masterpayer.cta.SignatureReport;
import com.ingrammicro.masterpayer.system.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;

/**
 * The evidence of one offboarding as a zip an auditor can verify offline: {@code trail.json}, every
 * stored document (the CTA as issued and each signed copy, the latter with its signature report
 * beside it as {@code ….signature-report.json}), {@code esignature.json} (the e-signature envelope
 * and its evidence, when the CTA went out for e-signature), {@code access-removal.json} (the plan,
 * every IAM call with AWS's request id, the verification), {@code manifest.json} with the SHA-256
 * and size of every file (and, for documents, the digest recorded when they were stored), and
 * {@code SHA256SUMS} for {@code sha256sum -c}.
 */
@Component
class EvidenceBundle {

  static final String TRAIL = "trail.json";
  static final String ESIGNATURE = "esignature.json";
  static final String ACCESS_REMOVAL = "access-removal.json";
  static final String MANIFEST = "manifest.json";
  static final String CHECKSUMS = "SHA256SUMS";

  private final DocumentQuery documents;
  private final ESignatureQuery envelopes;
  private final AccessRemovalEvidenceQuery accessRemoval;
  private final ObjectMapper json;
  private final Clock clock;

  EvidenceBundle(
      DocumentQuery documents,
      ESignatureQuery envelopes,
      AccessRemovalEvidenceQuery accessRemoval,
      ObjectMapper json,
      Clock clock) {
    this.documents = documents;
    this.envelopes = envelopes;
    this.accessRemoval = accessRemoval;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.clock = clock;
  }

  void write(Trail trail, String generatedBy, OutputStream target) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    StringBuilder checksums = new StringBuilder();
    try (ZipOutputStream zip = new ZipOutputStream(target)) {
      add(zip, TRAIL, json.writeValueAsBytes(trail), files, checksums, Map.of());
      int number = 1;
      for (Document document : documents.documents(trail.offboarding().id())) {
        byte[] content = documents.content(document);
        String path =
            "documents/%02d-%s-%s".formatted(number++, document.kind(), document.fileName());
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("documentId", document.id());
        recorded.put("kind", document.kind());
        recorded.put("storedAt", document.createdAt());
        recorded.put("storedBy", document.createdBy());
        recorded.put("recordedSha256", document.sha256());
        recorded.put("matchesRecord", document.sha256().equals(Digests.sha256Hex(content)));
        add(zip, path, content, files, checksums, recorded);
        Optional<SignatureReport> report = documents.signatureReport(document);
        if (report.isPresent()) {
          add(
              zip,
              path.replaceFirst("\\.pdf$", "") + ".signature-report.json",
              json.writeValueAsBytes(report.get()),
              files,
              checksums,
              Map.of("documentId", document.id()));
        }
      }
      Optional<ESignatureEnvelope> envelope = envelopes.envelope(trail.offboarding().id());
      if (envelope.isPresent()) {
        add(zip, ESIGNATURE, json.writeValueAsBytes(envelope.get()), files, checksums, Map.of());
      }
      Optional<AccessRemovalEvidence> removal = accessRemoval.evidence(trail.offboarding().id());
      if (removal.isPresent()) {
        add(zip, ACCESS_REMOVAL, json.writeValueAsBytes(removal.get()), files, checksums, Map.of());
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("offboardingId", trail.offboarding().id());
      manifest.put("processInstanceId", trail.processInstanceId());
      manifest.put("generatedAt", OffsetDateTime.now(clock));
      manifest.put("generatedBy", generatedBy);
      manifest.put("algorithm", "SHA-256");
      manifest.put("files", files);
      byte[] manifestBytes = json.writeValueAsBytes(manifest);
      checksums.append(Digests.sha256Hex(manifestBytes)).append("  ").append(MANIFEST).append('\n');
      entry(zip, MANIFEST, manifestBytes);
      entry(zip, CHECKSUMS, checksums.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void add(
      ZipOutputStream zip,
      String path,
      byte[] content,
      List<Map<String, Object>> files,
      StringBuilder checksums,
      Map<String, Object> extra)
      throws IOException {
    String sha256 = Digests.sha256Hex(content);
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("path", path);
    file.put("sha256", sha256);
    file.put("sizeBytes", content.length);
    file.putAll(extra);
    files.add(file);
    checksums.append(sha256).append("  ").append(path).append('\n');
    entry(zip, path, content);
  }

  private static void entry(ZipOutputStream zip, String path, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
  }
}
