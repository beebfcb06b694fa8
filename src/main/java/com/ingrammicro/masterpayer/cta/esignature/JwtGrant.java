package com.ingrammicro.masterpayer.cta.esignature;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The assertion of OAuth 2.0's JWT bearer grant (RFC 7523) as DocuSign takes it: a JWT signed with
 * RS256 by the integration key's RSA key, issued by the integration key, about the user the app
 * acts as, for DocuSign's authentication service, asking for the {@code signature impersonation}
 * scopes.
 */
final class JwtGrant {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  static final String SCOPE = "signature impersonation";

  /** DocuSign accepts an assertion valid for at most an hour. */
  static final Duration LIFETIME = Duration.ofHours(1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /**
   * The DER header that makes a PKCS#1 RSAPrivateKey a PKCS#8 PrivateKeyInfo: version 0 and the
   * rsaEncryption algorithm, before the key's octet string. DocuSign hands out PKCS#1 keys ("BEGIN
   * RSA PRIVATE KEY"); the JDK reads PKCS#8 only.
   */
  private static final byte[] PKCS8_RSA_PREFIX = {
    0x02,
    0x01,
    0x00,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private final PrivateKey key;
  private final String issuer;
  private final String subject;
  private final String audience;

  JwtGrant(String privateKeyPem, String issuer, String subject, String audience) {
    this.key = readPrivateKey(privateKeyPem);
    this.issuer = issuer;
    this.subject = subject;
    this.audience = audience;
  }

  /** A signed assertion issued now. */
  String assertion(Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", subject);
    claims.put("aud", audience);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    claims.put("scope", SCOPE);
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign the JWT grant's assertion", e);
    }
  }

  private static String encode(Map<String, Object> json) {
    try {
      return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An RSA private key from PEM, PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY").
   */
  static PrivateKey readPrivateKey(String pem) {
    boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
    String base64 =
        pem.replaceAll("-----(BEGIN|END) (RSA )?PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] pkcs8 = pkcs1 ? wrapPkcs1(der) : der;
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "offboarding.esignature.docusign.private-key is not an RSA private key in PEM", e);
    }
  }

  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] octetString = derElement((byte) 0x04, pkcs1);
    byte[] body = new byte[PKCS8_RSA_PREFIX.length + octetString.length];
    System.arraycopy(PKCS8_RSA_PREFIX, 0, body, 0, PKCS8_RSA_PREFIX.length);
    System.arraycopy(octetString, 0, body, PKCS8_RSA_PREFIX.length, octetString.length);
    return derElement((byte) 0x30, body);
  }

  private static byte[] derElement(byte tag, byte[] content) {
    int length = content.length;
    byte[] lengthBytes;
    if (length < 0x80) {
      lengthBytes = new byte[] {(byte) length};
    } else {
      int size = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      lengthBytes = new byte[size + 1];
      lengthBytes[0] = (byte) (0x80 | size);
      for (int i = 0; i < size; i++) {
        lengthBytes[size - i] = (byte) (length >>> (8 * i));
      }
    }
    byte[] element = new byte[1 + lengthBytes.length + length];
    element[0] = tag;
    System.arraycopy(lengthBytes, 0, element, 1, lengthBytes.length);
    System.arraycopy(content, 0, element, 1 + lengthBytes.length, length);
    return element;
  }
}
