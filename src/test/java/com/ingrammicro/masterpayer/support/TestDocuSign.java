package com.ingrammicro.masterpayer.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * DocuSign on loopback (WireMock): the authentication service's token endpoint and the eSignature
 * REST API v2.1's envelope calls, answering as DocuSign documents them, and Connect's JSON SIM
 * notifications signed as DocuSign signs them. By default every envelope create gets a new id and
 * no envelope is found by listStatusChanges; a test scripts its own offboarding's envelope.
 */
public final class TestDocuSign {

  public static final String ACCOUNT_ID = "7d0ec7b6-30b1-4c19-a2e8-5f4e0d6c2a11";
  public static final String INTEGRATION_KEY = "2f5a6c0e-8f3d-4b7e-9a61-0c5b4d3e2f10";
  public static final String USER_ID = "b1a2c3d4-e5f6-4071-8293-a4b5c6d7e8f9";
  public static final String ACCESS_TOKEN = "eyJ0eXAiOiJNVCIsImFsZyI6IlJTMjU2In0.test-token";

  /** Connect's keys: the one being rotated out and the current one. */
  public static final String OLD_HMAC_KEY = "h0Tz1oQm8kO2cW9rP4sX7vB3nL6yD5fG1jK8uE0aR2w=";

  public static final String CURRENT_HMAC_KEY = "Q3m9XbV2pL7sK1dF8hJ4gT6yR0wE5uI2oP9aS3zC7vN=";

  private static final String API = "/restapi/v2.1/accounts/" + ACCOUNT_ID;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyPair keys = rsaKeys();
  private WireMockServer server;

  public synchronized TestDocuSign start() {
    if (server == null) {
      server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
      server.start();
      defaults();
    }
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keys.getPublic();
  }

  /** The integration key's private key as DocuSign hands it out, PEM. */
  public String privateKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** Points the application's DocuSign settings here, with the JWT grant and both HMAC keys. */
  public void registerWith(DynamicPropertyRegistry registry) {
    registry.add("offboarding.esignature.provider", () -> "docusign");
    registry.add("offboarding.esignature.docusign.base-uri", () -> baseUrl() + "/restapi");
    registry.add("offboarding.esignature.docusign.account-id", () -> ACCOUNT_ID);
    registry.add("offboarding.esignature.docusign.oauth-base-uri", this::baseUrl);
    registry.add("offboarding.esignature.docusign.integration-key", () -> INTEGRATION_KEY);
    registry.add("offboarding.esignature.docusign.user-id", () -> USER_ID);
    registry.add("offboarding.esignature.docusign.private-key", this::privateKeyPem);
    registry.add("offboarding.esignature.docusign.connect-hmac-keys[0]", () -> OLD_HMAC_KEY);
    registry.add("offboarding.esignature.docusign.connect-hmac-keys[1]", () -> CURRENT_HMAC_KEY);
    // short, so that a test can make DocuSign answer too late
    registry.add("offboarding.esignature.docusign.timeout", () -> "PT2S");
  }

  private void defaults() {
    server.stubFor(
        post(urlPathEqualTo("/oauth/token"))
            .withFormParam("grant_type", equalTo("urn:ietf:params:oauth:grant-type:jwt-bearer"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\": \""
                            + ACCESS_TOKEN
                            + "\", \"token_type\": \"Bearer\", \"expires_in\": 28800}")));
    server.stubFor(
        get(urlPathEqualTo(API + "/envelopes"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .atPriority(10)
            .willReturn(json(200, "{\"resultSetSize\": \"0\", \"totalSetSize\": \"0\"}")));
    server.stubFor(
        post(urlPathEqualTo(API + "/envelopes"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .atPriority(10)
            .willReturn(
                json(
                        201,
                        "{\"envelopeId\": \"{{randomValue type='UUID'}}\", \"status\": \"sent\","
                            + " \"statusDateTime\": \"{{now}}\"}")
                    .withTransformers("response-template")));
  }

  /**
   * The envelope DocuSign creates for this offboarding: its id, fixed by the test. Matched on the
   * envelope's custom field, as DocuSign would store it.
   */
  public String expectEnvelope(String offboardingId) {
    String envelopeId = UUID.randomUUID().toString();
    server.stubFor(
        post(urlPathEqualTo(API + "/envelopes"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .withRequestBody(
                matchingJsonPath(
                    "$.customFields.textCustomFields[0].value", equalTo(offboardingId)))
            .atPriority(1)
            .willReturn(json(201, created(envelopeId))));
    return envelopeId;
  }

  /**
   * DocuSign creates the offboarding's envelope but answers after the client gave up (a lost
   * answer, as a crash before the commit would lose it); from then on listStatusChanges finds it.
   */
  public String expectEnvelopeAnsweredTooLate(String offboardingId) {
    String envelopeId = UUID.randomUUID().toString();
    String scenario = "lost-answer-" + offboardingId;
    server.stubFor(
        post(urlPathEqualTo(API + "/envelopes"))
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .withRequestBody(
                matchingJsonPath(
                    "$.customFields.textCustomFields[0].value", equalTo(offboardingId)))
            .atPriority(1)
            .willReturn(json(201, created(envelopeId)).withFixedDelay(4000))
            .willSetStateTo("created"));
    server.stubFor(
        get(urlPathEqualTo(API + "/envelopes"))
            .inScenario(scenario)
            .whenScenarioStateIs("created")
            .withQueryParam("custom_field", equalTo("offboardingId=" + offboardingId))
            .atPriority(1)
            .willReturn(
                json(
                    200,
                    "{\"resultSetSize\": \"1\", \"totalSetSize\": \"1\", \"envelopes\": [{\"envelopeId\": \""
                        + envelopeId
                        + "\", \"status\": \"sent\", \"createdDateTime\": \""
                        + OffsetDateTime.now(ZoneOffset.UTC)
                        + "\"}]}")));
    return envelopeId;
  }

  /** The envelope as DocuSign answers it once both signers signed, and its combined document. */
  public void completed(
      String envelopeId,
      String assignorName,
      String assignorEmail,
      String assigneeName,
      String assigneeEmail,
      byte[] combinedPdf) {
    OffsetDateTime signed = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    ObjectNode envelope = envelope(envelopeId, "completed");
    envelope.put("completedDateTime", signed.plusMinutes(5).toString());
    ArrayNode signers = envelope.putObject("recipients").putArray("signers");
    signers.add(
        signer(assignorName, assignorEmail, 1, "completed")
            .put("signedDateTime", signed.toString()));
    signers.add(
        signer(assigneeName, assigneeEmail, 2, "completed")
            .put("signedDateTime", signed.plusMinutes(5).toString()));
    stubEnvelope(envelopeId, envelope);
    server.stubFor(
        get(urlPathEqualTo(API + "/envelopes/" + envelopeId + "/documents/combined"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/pdf").withBody(combinedPdf)));
  }

  /** The envelope as DocuSign answers it once the assignee declined, with the reason given. */
  public void declined(
      String envelopeId,
      String assignorName,
      String assignorEmail,
      String assigneeName,
      String assigneeEmail,
      String reason) {
    OffsetDateTime signed = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    ObjectNode envelope = envelope(envelopeId, "declined");
    envelope.put("declinedDateTime", signed.plusMinutes(5).toString());
    ArrayNode signers = envelope.putObject("recipients").putArray("signers");
    signers.add(
        signer(assignorName, assignorEmail, 1, "completed")
            .put("signedDateTime", signed.toString()));
    signers.add(signer(assigneeName, assigneeEmail, 2, "declined").put("declinedReason", reason));
    stubEnvelope(envelopeId, envelope);
  }

  /** A Connect notification (JSON SIM) of the envelope, as DocuSign posts it. */
  public static byte[] notification(String event, String accountId, String envelopeId) {
    ObjectNode notification = JSON.createObjectNode();
    notification.put("event", event);
    notification.put("apiVersion", "v2.1");
    notification.put("uri", "/restapi/v2.1/accounts/" + accountId + "/envelopes/" + envelopeId);
    notification.put("retryCount", 0);
    notification.put("configurationId", 10458276);
    notification.put("generatedDateTime", OffsetDateTime.now(ZoneOffset.UTC).toString());
    ObjectNode data = notification.putObject("data");
    data.put("accountId", accountId);
    data.put("userId", USER_ID);
    data.put("envelopeId", envelopeId);
    ObjectNode summary = data.putObject("envelopeSummary");
    summary.put("status", event.substring("envelope-".length()));
    summary.put("emailSubject", "Please sign: Consent to Assignment");
    summary.put("envelopeId", envelopeId);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(notification);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code X-DocuSign-Signature-N}: the Base64 of HMAC-SHA256(key, body). */
  public static String hmac(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The envelope creations DocuSign received for this offboarding, their bodies as JSON. */
  public List<JsonNode> envelopeCreations(String offboardingId) {
    return server
        .findAll(
            postRequestedFor(urlPathEqualTo(API + "/envelopes"))
                .withRequestBody(
                    matchingJsonPath(
                        "$.customFields.textCustomFields[0].value", equalTo(offboardingId))))
        .stream()
        .map(TestDocuSign::body)
        .toList();
  }

  /** The listStatusChanges searches for this offboarding's envelope. */
  public List<LoggedRequest> envelopeSearches(String offboardingId) {
    return server.findAll(
        getRequestedFor(urlPathEqualTo(API + "/envelopes"))
            .withQueryParam("custom_field", equalTo("offboardingId=" + offboardingId)));
  }

  /** The requests DocuSign received for this envelope (its status, its documents). */
  public List<LoggedRequest> envelopeReads(String envelopeId) {
    return server.findAll(
        getRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                API + "/envelopes/" + envelopeId + "(/.*)?")));
  }

  public List<LoggedRequest> tokenRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  private void stubEnvelope(String envelopeId, ObjectNode envelope) {
    server.stubFor(
        get(urlPathEqualTo(API + "/envelopes/" + envelopeId))
            .withQueryParam("include", equalTo("recipients"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .willReturn(json(200, envelope.toString())));
  }

  private static ObjectNode envelope(String envelopeId, String status) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("envelopeId", envelopeId);
    envelope.put("status", status);
    envelope.put("emailSubject", "Please sign: Consent to Assignment");
    envelope.put("statusChangedDateTime", OffsetDateTime.now(ZoneOffset.UTC).toString());
    return envelope;
  }

  private static ObjectNode signer(String name, String email, int routingOrder, String status) {
    ObjectNode signer = JSON.createObjectNode();
    signer.put("name", name);
    signer.put("email", email);
    signer.put("recipientId", String.valueOf(routingOrder));
    signer.put("routingOrder", String.valueOf(routingOrder));
    signer.put("status", status);
    return signer;
  }

  private static String created(String envelopeId) {
    return "{\"envelopeId\": \""
        + envelopeId
        + "\", \"uri\": \"/envelopes/"
        + envelopeId
        + "\", \"statusDateTime\": \""
        + OffsetDateTime.now(ZoneOffset.UTC)
        + "\", \"status\": \"sent\"}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
