package com.ingrammicro.masterpayer.cta.esignature;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.cta.EnvelopeEvidence;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * DocuSign's eSignature REST API v2.1, the calls this application makes, over Spring's {@link
 * RestClient} (DocuSign's Java SDK is not used). A call that fails throws; the caller's job or
 * notification is retried.
 */
final class DocuSignApi {

  /** The envelope custom field that names the offboarding, found again by listStatusChanges. */
  static final String OFFBOARDING_FIELD = "offboardingId";

  /** The envelope as created: the status DocuSign gave it. */
  record CreatedEnvelope(String envelopeId, String status) {}

  /** A signer of the envelope to create. */
  record SignerSpec(String name, String email, int routingOrder, String anchor) {}

  private final RestClient api;
  private final DocuSignTokens tokens;
  private final String accountId;
  private final Clock clock;

  DocuSignApi(ESignatureProperties.DocuSign docusign, RestClient.Builder builder, Clock clock) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                // HTTP/1.1 as DocuSign documents its API; no cleartext HTTP/2 upgrade attempts
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(docusign.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    requests.setReadTimeout(docusign.timeout());
    RestClient.Builder http = builder.clone().requestFactory(requests);
    this.tokens = new DocuSignTokens(docusign, http.clone(), clock);
    this.api = http.clone().baseUrl(docusign.baseUri().toString()).build();
    this.accountId = docusign.accountId();
    this.clock = clock;
  }

  String accountId() {
    return accountId;
  }

  /**
   * The offboarding's envelopes that DocuSign knows, newest first, by listStatusChanges with the
   * custom-field filter ({@code custom_field=offboardingId=<id>}), changed since {@code since}.
   */
  List<CreatedEnvelope> envelopesOf(UUID offboardingId, OffsetDateTime since) {
    JsonNode answer =
        api.get()
            .uri(
                uri ->
                    uri.path("/v2.1/accounts/{accountId}/envelopes")
                        .queryParam("from_date", "{fromDate}")
                        .queryParam("custom_field", "{customField}")
                        .build(
                            accountId, since.toString(), OFFBOARDING_FIELD + "=" + offboardingId))
            .header("Authorization", tokens.authorization())
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(JsonNode.class);
    List<JsonNode> envelopes = new ArrayList<>();
    if (answer != null) {
      answer.path("envelopes").forEach(envelopes::add);
    }
    return envelopes.stream()
        .sorted(
            Comparator.comparing((JsonNode envelope) -> envelope.path("createdDateTime").asText(""))
                .reversed())
        .map(
            envelope ->
                new CreatedEnvelope(
                    envelope.path("envelopeId").asText(), envelope.path("status").asText()))
        .filter(envelope -> !envelope.envelopeId().isBlank())
        .toList();
  }

  /** Creates and sends the envelope: the CTA, its signers in routing order, the custom field. */
  CreatedEnvelope create(
      UUID offboardingId,
      String emailSubject,
      String fileName,
      byte[] pdf,
      List<SignerSpec> signers) {
    EnvelopeDefinition definition =
        new EnvelopeDefinition(
            emailSubject,
            List.of(
                new DocumentDefinition(
                    Base64.getEncoder().encodeToString(pdf), "1", "pdf", fileName)),
            new Recipients(
                signers.stream()
                    .map(
                        signer ->
                            new Signer(
                                signer.email(),
                                signer.name(),
                                String.valueOf(signer.routingOrder()),
                                String.valueOf(signer.routingOrder()),
                                new Tabs(
                                    List.of(
                                        new SignHere(
                                            signer.anchor(), "pixels", "150", "-4", "false")))))
                    .toList()),
            new CustomFields(
                List.of(
                    new TextCustomField(
                        OFFBOARDING_FIELD, offboardingId.toString(), "false", "false"))),
            "sent");
    JsonNode answer =
        api.post()
            .uri("/v2.1/accounts/{accountId}/envelopes", accountId)
            .header("Authorization", tokens.authorization())
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .body(definition)
            .retrieve()
            .body(JsonNode.class);
    if (answer == null || answer.path("envelopeId").asText().isBlank()) {
      throw new IllegalStateException("DocuSign created an envelope without answering its id");
    }
    return new CreatedEnvelope(answer.path("envelopeId").asText(), answer.path("status").asText());
  }

  /** The envelope's status and recipients ({@code GET .../envelopes/{id}?include=recipients}). */
  EnvelopeEvidence evidence(String envelopeId) {
    JsonNode envelope =
        api.get()
            .uri(
                uri ->
                    uri.path("/v2.1/accounts/{accountId}/envelopes/{envelopeId}")
                        .queryParam("include", "recipients")
                        .build(accountId, envelopeId))
            .header("Authorization", tokens.authorization())
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(JsonNode.class);
    if (envelope == null) {
      throw new IllegalStateException("DocuSign answered no envelope " + envelopeId);
    }
    List<EnvelopeEvidence.Recipient> recipients = new ArrayList<>();
    envelope
        .path("recipients")
        .path("signers")
        .forEach(
            signer ->
                recipients.add(
                    new EnvelopeEvidence.Recipient(
                        text(signer, "name"),
                        text(signer, "email"),
                        signer.path("routingOrder").asInt(),
                        text(signer, "status"),
                        time(signer, "signedDateTime"),
                        text(signer, "declinedReason"))));
    recipients.sort(Comparator.comparingInt(EnvelopeEvidence.Recipient::routingOrder));
    return new EnvelopeEvidence(
        ESignatureService.DOCUSIGN_USER,
        envelopeId,
        text(envelope, "status"),
        time(envelope, "completedDateTime"),
        text(envelope, "voidedReason"),
        recipients,
        OffsetDateTime.now(clock));
  }

  /** The envelope's documents as one signed PDF ({@code GET .../documents/combined}). */
  byte[] combinedDocument(String envelopeId, long maxBytes) {
    byte[] pdf =
        api.get()
            .uri(
                "/v2.1/accounts/{accountId}/envelopes/{envelopeId}/documents/combined",
                accountId,
                envelopeId)
            .header("Authorization", tokens.authorization())
            .accept(MediaType.APPLICATION_PDF)
            .retrieve()
            .body(byte[].class);
    if (pdf == null || pdf.length == 0) {
      throw new IllegalStateException("DocuSign answered no document for envelope " + envelopeId);
    }
    if (pdf.length > maxBytes) {
      throw new IllegalStateException(
          "The combined document of envelope "
              + envelopeId
              + " is larger than "
              + maxBytes
              + " bytes");
    }
    return pdf;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static OffsetDateTime time(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : OffsetDateTime.parse(value);
  }

  // the request body of "Envelopes: create", as DocuSign names its fields (all strings)

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EnvelopeDefinition(
      String emailSubject,
      List<DocumentDefinition> documents,
      Recipients recipients,
      CustomFields customFields,
      String status) {}

  record DocumentDefinition(
      String documentBase64, String documentId, String fileExtension, String name) {}

  record Recipients(List<Signer> signers) {}

  record Signer(String email, String name, String recipientId, String routingOrder, Tabs tabs) {}

  record Tabs(List<SignHere> signHereTabs) {}

  record SignHere(
      String anchorString,
      String anchorUnits,
      String anchorXOffset,
      String anchorYOffset,
      String anchorIgnoreIfNotPresent) {}

  record CustomFields(List<TextCustomField> textCustomFields) {}

  record TextCustomField(String name, String value, String show, String required) {}
}
