package com.ingrammicro.masterpayer.cta.esignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cta.CtaSignatureAnchors;
import com.ingrammicro.masterpayer.cta.EnvelopeEvidence;
import com.ingrammicro.masterpayer.support.TestDocuSign;
import com.ingrammicro.masterpayer.support.TestPdf;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The DocuSign client over real HTTP against DocuSign's endpoints on loopback ({@link
 * TestDocuSign}): the JWT grant, the envelope as created, the search, the status and the combined
 * document.
 */
class DocuSignApiTest {

  private static final TestDocuSign DOCUSIGN = new TestDocuSign().start();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private final DocuSignApi api = api(DOCUSIGN.privateKeyPem(), Duration.ofSeconds(2));

  @Test
  void createsTheEnvelopeWithTheCtaItsTwoSignersInRoutingOrderAndTheOffboardingsField()
      throws Exception {
    String offboardingId = UUID.randomUUID().toString();
    String envelopeId = DOCUSIGN.expectEnvelope(offboardingId);
    byte[] cta = TestPdf.withText("Consent to Assignment");

    DocuSignApi.CreatedEnvelope created =
        api.create(
            UUID.fromString(offboardingId),
            "Please sign",
            "consent-to-assignment-123456789012.pdf",
            cta,
            List.of(
                new DocuSignApi.SignerSpec(
                    "Acme Corp", "ops@acme.example", 1, CtaSignatureAnchors.ASSIGNOR),
                new DocuSignApi.SignerSpec(
                    "Contoso", "billing@contoso.example", 2, CtaSignatureAnchors.ASSIGNEE)));

    assertThat(created.envelopeId()).isEqualTo(envelopeId);
    JsonNode body = DOCUSIGN.envelopeCreations(offboardingId).get(0);
    assertThat(body.path("status").asText()).isEqualTo("sent");
    assertThat(body.path("emailSubject").asText()).isEqualTo("Please sign");
    assertThat(
            Base64.getDecoder()
                .decode(body.path("documents").get(0).path("documentBase64").asText()))
        .isEqualTo(cta);
    assertThat(body.path("documents").get(0).path("fileExtension").asText()).isEqualTo("pdf");
    JsonNode signers = body.path("recipients").path("signers");
    assertThat(signers).hasSize(2);
    assertThat(signers.get(0).path("email").asText()).isEqualTo("ops@acme.example");
    assertThat(signers.get(0).path("name").asText()).isEqualTo("Acme Corp");
    assertThat(signers.get(0).path("routingOrder").asText()).isEqualTo("1");
    assertThat(signers.get(1).path("email").asText()).isEqualTo("billing@contoso.example");
    assertThat(signers.get(1).path("routingOrder").asText()).isEqualTo("2");
    assertThat(
            signers.get(0).path("tabs").path("signHereTabs").get(0).path("anchorString").asText())
        .isEqualTo("Assignor's signature:");
    assertThat(
            signers.get(1).path("tabs").path("signHereTabs").get(0).path("anchorString").asText())
        .isEqualTo("Assignee's signature:");
    JsonNode field = body.path("customFields").path("textCustomFields").get(0);
    assertThat(field.path("name").asText()).isEqualTo("offboardingId");
    assertThat(field.path("value").asText()).isEqualTo(offboardingId);
  }

  @Test
  void theTokenComesFromAJwtGrantSignedWithTheIntegrationKeysRsaKeyAndIsReused() throws Exception {
    int before = DOCUSIGN.tokenRequests().size();
    DocuSignApi fresh = api(DOCUSIGN.privateKeyPem(), Duration.ofSeconds(2));

    fresh.envelopesOf(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC));
    fresh.envelopesOf(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC));

    assertThat(DOCUSIGN.tokenRequests()).hasSize(before + 1);
    Map<String, String> form =
        Arrays.stream(DOCUSIGN.tokenRequests().get(before).getBodyAsString().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(
                Collectors.toMap(
                    pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    assertThat(form).containsEntry("grant_type", JwtGrant.GRANT_TYPE);
    String[] jwt = form.get("assertion").split("\\.");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo(TestDocuSign.INTEGRATION_KEY);
    assertThat(claims.path("sub").asText()).isEqualTo(TestDocuSign.USER_ID);
    assertThat(claims.path("aud").asText()).isEqualTo("127.0.0.1");
    assertThat(claims.path("scope").asText()).isEqualTo("signature impersonation");
    assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(DOCUSIGN.publicKey());
    rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
  }

  @Test
  void aPkcs1KeyAsDocuSignGeneratesItReadsAsThePkcs8One() {
    byte[] pkcs8 = JwtGrant.readPrivateKey(DOCUSIGN.privateKeyPem()).getEncoded();
    // a 2048-bit key's PKCS#8 wrapping is 26 bytes: sequence, version, algorithm, octet string
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pkcs1)
            + "\n-----END RSA PRIVATE KEY-----";

    assertThat(JwtGrant.readPrivateKey(pem).getEncoded()).isEqualTo(pkcs8);
    assertThatThrownBy(() -> JwtGrant.readPrivateKey("-----BEGIN PRIVATE KEY-----\nnot a key"))
        .hasMessageContaining("offboarding.esignature.docusign.private-key");
  }

  @Test
  void readsTheSignersStatusAndTimesFromTheEnvelopeAndDownloadsTheCombinedDocument() {
    String envelopeId = UUID.randomUUID().toString();
    byte[] combined = TestPdf.withText("signed in DocuSign");
    DOCUSIGN.completed(
        envelopeId,
        "Acme Corp",
        "ops@acme.example",
        "Contoso",
        "billing@contoso.example",
        combined);

    EnvelopeEvidence evidence = api.evidence(envelopeId);

    assertThat(evidence.status()).isEqualTo("completed");
    assertThat(evidence.allSigned()).isTrue();
    assertThat(evidence.completedAt()).isNotNull();
    assertThat(evidence.recipients())
        .extracting(
            EnvelopeEvidence.Recipient::routingOrder,
            EnvelopeEvidence.Recipient::email,
            EnvelopeEvidence.Recipient::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "ops@acme.example", "completed"),
            org.assertj.core.groups.Tuple.tuple(2, "billing@contoso.example", "completed"));
    assertThat(evidence.recipients()).allSatisfy(r -> assertThat(r.signedAt()).isNotNull());
    assertThat(api.combinedDocument(envelopeId, 1_000_000)).isEqualTo(combined);
    assertThatThrownBy(() -> api.combinedDocument(envelopeId, 100))
        .hasMessageContaining("larger than 100 bytes");
  }

  @Test
  void aDeclineCarriesTheSignersReason() {
    String envelopeId = UUID.randomUUID().toString();
    DOCUSIGN.declined(
        envelopeId,
        "Acme Corp",
        "ops@acme.example",
        "Contoso",
        "billing@contoso.example",
        "Wrong legal entity");

    EnvelopeEvidence evidence = api.evidence(envelopeId);

    assertThat(evidence.status()).isEqualTo("declined");
    assertThat(evidence.allSigned()).isFalse();
    assertThat(evidence.stopReason()).isEqualTo("Wrong legal entity");
  }

  @Test
  void anEnvelopeCreatedButAnsweredTooLateFailsTheCallAndIsFoundBySearchAfterwards() {
    UUID offboardingId = UUID.randomUUID();
    String envelopeId = DOCUSIGN.expectEnvelopeAnsweredTooLate(offboardingId.toString());
    DocuSignApi impatient = api(DOCUSIGN.privateKeyPem(), Duration.ofMillis(500));

    assertThatThrownBy(
            () ->
                impatient.create(
                    offboardingId,
                    "Please sign",
                    "cta.pdf",
                    TestPdf.withText("CTA"),
                    List.of(
                        new DocuSignApi.SignerSpec(
                            "Acme", "ops@acme.example", 1, CtaSignatureAnchors.ASSIGNOR))))
        .isInstanceOf(ResourceAccessException.class);

    assertThat(impatient.envelopesOf(offboardingId, OffsetDateTime.now(ZoneOffset.UTC)))
        .extracting(DocuSignApi.CreatedEnvelope::envelopeId)
        .containsExactly(envelopeId);
  }

  private static DocuSignApi api(String privateKey, Duration timeout) {
    return new DocuSignApi(
        new ESignatureProperties.DocuSign(
            URI.create(DOCUSIGN.baseUrl() + "/restapi"),
            TestDocuSign.ACCOUNT_ID,
            URI.create(DOCUSIGN.baseUrl()),
            TestDocuSign.INTEGRATION_KEY,
            TestDocuSign.USER_ID,
            privateKey,
            "",
            List.of(TestDocuSign.CURRENT_HMAC_KEY),
            "Please sign",
            timeout,
            DataSize.ofMegabytes(1)),
        RestClient.builder(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
