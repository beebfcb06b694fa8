package com.ingrammicro.masterpayer.cta.esignature;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The bearer token for DocuSign's eSignature API: the configured one, or one from the JWT grant
 * ({@code POST {oauth-base-uri}/oauth/token}), kept until shortly before it expires so that a burst
 * of envelopes makes one grant, not one each.
 */
final class DocuSignTokens {

  /** A token this close to its expiry is replaced: a call made with it must not outlive it. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

  private final String configuredToken;
  private final JwtGrant grant;
  private final RestClient oauth;
  private final Clock clock;

  private String token;
  private Instant expiresAt = Instant.MIN;

  DocuSignTokens(ESignatureProperties.DocuSign docusign, RestClient.Builder http, Clock clock) {
    this.clock = clock;
    if (docusign.usesConfiguredToken()) {
      this.configuredToken = docusign.accessToken().strip();
      this.grant = null;
      this.oauth = null;
    } else {
      URI oauthBase = withScheme(docusign.oauthBaseUri());
      this.configuredToken = null;
      // the assertion's audience is the authentication service's host name, without a scheme
      this.grant =
          new JwtGrant(
              docusign.privateKey(),
              docusign.integrationKey(),
              docusign.userId(),
              oauthBase.getHost());
      this.oauth = http.baseUrl(oauthBase.toString()).build();
    }
  }

  /** The value of the {@code Authorization} header. */
  synchronized String authorization() {
    if (configuredToken != null) {
      return "Bearer " + configuredToken;
    }
    Instant now = clock.instant();
    if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE_EXPIRY))) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", JwtGrant.GRANT_TYPE);
      form.add("assertion", grant.assertion(now));
      JsonNode answer =
          oauth
              .post()
              .uri("/oauth/token")
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(JsonNode.class);
      if (answer == null || !answer.path("access_token").isTextual()) {
        throw new IllegalStateException(
            "DocuSign's token endpoint answered without an access_token");
      }
      token = answer.path("access_token").asText();
      expiresAt = now.plusSeconds(answer.path("expires_in").asLong(3600));
    }
    return "Bearer " + token;
  }

  /** DocuSign documents the authentication service as a host name ("account-d.docusign.com"). */
  static URI withScheme(URI uri) {
    String text = uri.toString();
    return URI.create(text.contains("://") ? text : "https://" + text);
  }
}
