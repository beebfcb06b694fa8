package com.ingrammicro.masterpayer.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs tokens as an authorization server does, with a key of the test's choosing: the slices' own
 * key ({@link #SLICE_KEY}), or the running application's, read from its database, to make tokens
 * that are well signed but wrong in one claim.
 */
public final class TestTokens {

  /** The key the slices' authorization server signs with. */
  public static final RSAKey SLICE_KEY = generate();

  /** What the application's tokens say by default. */
  public static final String ISSUER = "http://localhost:8080";

  public static final String AUDIENCE = "master-payer-offboarding-api";
  public static final List<String> BOTH_SCOPES = List.of("offboardings:read", "offboardings:write");

  private final NimbusJwtEncoder encoder;
  private final String keyId;

  public TestTokens(RSAKey key) {
    this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    this.keyId = key.getKeyID();
  }

  public static JWKSource<SecurityContext> sliceKeySource() {
    return new ImmutableJWKSet<>(new JWKSet(SLICE_KEY));
  }

  /** The claims of a good token of the client, to change before {@link #sign}. */
  public static JwtClaimsSet.Builder claims(String clientId, String resellerId, String issuer) {
    Instant now = Instant.now();
    return JwtClaimsSet.builder()
        .subject(clientId)
        .issuer(issuer)
        .audience(List.of(AUDIENCE))
        .claim("reseller", resellerId)
        .claim("scope", BOTH_SCOPES)
        // the slices' clients are valid since the epoch (system/SliceSecurity)
        .claim("credentials_since", 0L)
        .issuedAt(now)
        .notBefore(now)
        .expiresAt(now.plus(Duration.ofMinutes(5)))
        .id(UUID.randomUUID().toString());
  }

  public String sign(JwtClaimsSet claims) {
    return encoder
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).build(), claims))
        .getTokenValue();
  }

  public static RSAKey rsaKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).build();
  }

  private static RSAKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return rsaKey(
          "slice-key", (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
