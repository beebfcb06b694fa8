package com.ingrammicro.masterpayer.cta.esignature;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the CTA's e-signature ({@code offboarding.esignature.*}), docs/esignature.md. With
 * {@code provider=docusign} the application does not start unless DocuSign's settings are complete;
 * the failure names the missing key.
 *
 * @param provider {@code none}: the reseller uploads the signed CTA; {@code docusign}: the CTA also
 *     goes out as a DocuSign envelope
 */
@ConfigurationProperties("offboarding.esignature")
record ESignatureProperties(@DefaultValue("none") Provider provider, DocuSign docusign) {

  enum Provider {
    NONE,
    DOCUSIGN
  }

  ESignatureProperties {
    if (provider == Provider.DOCUSIGN) {
      if (docusign == null) {
        throw new IllegalArgumentException(
            "offboarding.esignature.docusign.* must be set when offboarding.esignature.provider=docusign");
      }
      docusign.requireComplete();
    }
  }

  boolean docuSignEnabled() {
    return provider == Provider.DOCUSIGN;
  }

  /**
   * DocuSign's side.
   *
   * @param baseUri the eSignature REST API's base, up to {@code /restapi}
   * @param accountId the API account id (a GUID); envelopes are created in it and Connect
   *     notifications of other accounts are ignored
   * @param oauthBaseUri DocuSign's authentication service, for the JWT grant
   * @param integrationKey the app's integration key (the JWT's issuer)
   * @param userId the user the app acts as (the JWT's subject), who consented to impersonation
   * @param privateKey the integration key's RSA private key, PEM (PKCS#1 or PKCS#8), for the JWT
   *     grant
   * @param accessToken a token the installation manages itself; when set, no JWT grant is made
   * @param connectHmacKeys Connect's HMAC secrets; a notification is genuine when its signature
   *     matches any of them (DocuSign allows several, for rotation)
   * @param emailSubject the envelope's mail subject; {payerAccountId} is replaced
   * @param timeout how long one call to DocuSign may take, connecting and reading
   * @param maxNotificationSize the largest Connect notification accepted
   */
  record DocuSign(
      URI baseUri,
      String accountId,
      URI oauthBaseUri,
      String integrationKey,
      String userId,
      String privateKey,
      String accessToken,
      List<String> connectHmacKeys,
      @DefaultValue(
              "Please sign: Consent to Assignment of AWS Master Payer account {payerAccountId}")
          String emailSubject,
      @DefaultValue("PT30S") Duration timeout,
      @DefaultValue("1MB") DataSize maxNotificationSize) {

    /** The settings without their secrets, which only their lengths and number show. */
    @Override
    public String toString() {
      return "DocuSign[baseUri="
          + baseUri
          + ", accountId="
          + accountId
          + ", oauthBaseUri="
          + oauthBaseUri
          + ", integrationKey="
          + integrationKey
          + ", userId="
          + userId
          + ", privateKey="
          + secret(privateKey)
          + ", accessToken="
          + secret(accessToken)
          + ", connectHmacKeys=("
          + connectHmacKeys.size()
          + " keys), emailSubject="
          + emailSubject
          + ", timeout="
          + timeout
          + ", maxNotificationSize="
          + maxNotificationSize
          + "]";
    }

    private static String secret(String value) {
      return value == null || value.isEmpty() ? "(none)" : "(" + value.length() + " characters)";
    }

    DocuSign {
      connectHmacKeys =
          connectHmacKeys == null
              ? List.of()
              : connectHmacKeys.stream().filter(key -> key != null && !key.isBlank()).toList();
    }

    boolean usesConfiguredToken() {
      return given(accessToken);
    }

    private void requireComplete() {
      List<String> missing = new ArrayList<>();
      if (baseUri == null || baseUri.toString().isBlank()) {
        missing.add("base-uri");
      }
      if (!given(accountId)) {
        missing.add("account-id");
      }
      if (connectHmacKeys.isEmpty()) {
        missing.add("connect-hmac-keys");
      }
      if (!usesConfiguredToken()) {
        if (oauthBaseUri == null || oauthBaseUri.toString().isBlank()) {
          missing.add("oauth-base-uri");
        }
        if (!given(integrationKey)) {
          missing.add("integration-key");
        }
        if (!given(userId)) {
          missing.add("user-id");
        }
        if (!given(privateKey)) {
          missing.add("private-key (or access-token)");
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "offboarding.esignature.provider=docusign needs "
                + String.join(
                    ", ",
                    missing.stream()
                        .map(key -> "offboarding.esignature.docusign." + key)
                        .toList()));
      }
    }

    private static boolean given(String value) {
      return value != null && !value.isBlank();
    }
  }
}
