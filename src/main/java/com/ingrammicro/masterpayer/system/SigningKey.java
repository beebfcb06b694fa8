package com.ingrammicro.masterpayer.system;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded authorization server's signing key (RSA 2048, RS256), kept in {@code
 * oauth2_signing_key} (V11) so that every node signs and checks with the same key. The first node
 * to start generates it; a node that loses the race reads the winner's.
 */
final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
  private static final String PURPOSE = "token-signing";

  private SigningKey() {}

  static JWKSource<SecurityContext> load(JdbcClient jdbc, Clock clock) {
    RSAKey key = read(jdbc).orElseGet(() -> create(jdbc, clock));
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  private static RSAKey create(JdbcClient jdbc, Clock clock) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      String keyId = UUID.randomUUID().toString();
      jdbc.sql(
              "insert into oauth2_signing_key (purpose, key_id, private_key, public_key, created_at)"
                  + " values (:purpose, :keyId, :privateKey, :publicKey, :createdAt)")
          .param("purpose", PURPOSE)
          .param("keyId", keyId)
          .param("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
          .param("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
          .param("createdAt", OffsetDateTime.now(clock))
          .update();
      log.info("Generated the token signing key {} of the embedded authorization server", keyId);
      return rsaKey(keyId, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return read(jdbc).orElseThrow(() -> anotherNodeWasFirst);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  private static Optional<RSAKey> read(JdbcClient jdbc) {
    return jdbc.sql(
            "select key_id, private_key, public_key from oauth2_signing_key where purpose = :purpose")
        .param("purpose", PURPOSE)
        .query(
            (row, index) -> {
              try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                Base64.Decoder base64 = Base64.getDecoder();
                return rsaKey(
                    row.getString("key_id"),
                    (RSAPublicKey)
                        rsa.generatePublic(
                            new X509EncodedKeySpec(base64.decode(row.getString("public_key")))),
                    (RSAPrivateKey)
                        rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(base64.decode(row.getString("private_key")))));
              } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The stored token signing key is unreadable", e);
              }
            })
        .optional();
  }

  private static RSAKey rsaKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
    return new RSAKey.Builder(publicKey)
        .privateKey(privateKey)
        .keyID(keyId)
        .keyUse(KeyUse.SIGNATURE)
        .build();
  }
}
