package com.ingrammicro.masterpayer.system;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * The resellers' bearer tokens (OAuth2 resource server, JWT): which tokens the API accepts and who
 * they make the caller.
 *
 * <p>A token is accepted when its signature, issuer, audience ({@code
 * offboarding.security.api.audience}) and lifetime check out. Its issuer is the company's ({@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}) when one is configured, else the embedded
 * authorization server, whose tokens must also belong to a client that is neither revoked nor
 * rotated since ({@link ApiClients#credentialsSince}). The caller is a reseller user: the token's
 * subject, of the reseller the configured claim names, with the token's scopes.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokens {

  /** The scope to read offboardings. */
  static final String READ = "offboardings:read";

  /** The scope to start, withdraw and sign offboardings. */
  static final String WRITE = "offboardings:write";

  private static final Pattern RESELLER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_SUBJECT = 64;

  @Bean
  JwtDecoder apiTokenDecoder(
      AccessProperties properties,
      ObjectProvider<OAuth2ResourceServerProperties> resourceServer,
      ObjectProvider<JWKSource<SecurityContext>> embeddedKey,
      Issuer issuer,
      ObjectProvider<ApiClients> clients) {
    OAuth2ResourceServerProperties configured = resourceServer.getIfAvailable();
    String companyIssuer = configured == null ? null : configured.getJwt().getIssuerUri();
    OAuth2TokenValidator<Jwt> audience = audience(properties.api().audience());
    if (companyIssuer != null && !companyIssuer.isBlank()) {
      return new SupplierJwtDecoder(
          () -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(companyIssuer).build();
            decoder.setJwtValidator(
                new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(), issuer(() -> companyIssuer), audience));
            return decoder;
          });
    }
    JWKSource<SecurityContext> key = embeddedKey.getIfAvailable();
    ApiClients apiClients = clients.getIfAvailable();
    if (key == null || apiClients == null) {
      throw new IllegalStateException(
          "No issuer for the reseller API's tokens: set spring.security.oauth2.resourceserver.jwt"
              + ".issuer-uri to the company's authorization server, or enable the embedded one"
              + " (offboarding.security.authorization-server.enabled=true); docs/security.md");
    }
    OAuth2TokenValidator<Jwt> validators =
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(), issuer(issuer::url), audience, activeClient(apiClients));
    // the one signing key's public half, converted once: a decoder that selects the key from the
    // JWK source per token converts the whole stored key (private part included) on every call
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder =
              NimbusJwtDecoder.withPublicKey(publicKeyOf(key))
                  .signatureAlgorithm(SignatureAlgorithm.RS256)
                  .build();
          decoder.setJwtValidator(validators);
          return decoder;
        });
  }

  private static RSAPublicKey publicKeyOf(JWKSource<SecurityContext> key) {
    try {
      List<JWK> keys = key.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
      return keys.get(0).toRSAKey().toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("The token signing key cannot be read", e);
    }
  }

  /** Makes a reseller user of a valid token. */
  static Converter<Jwt, AbstractAuthenticationToken> caller(AccessProperties properties) {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    String resellerClaim = properties.api().resellerClaim();
    return jwt -> {
      String subject = jwt.getSubject();
      String reseller = jwt.getClaimAsString(resellerClaim);
      if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
        throw new InvalidBearerTokenException(
            "The token names no subject of at most 64 characters");
      }
      if (reseller == null || !RESELLER_ID.matcher(reseller).matches()) {
        throw new InvalidBearerTokenException(
            "The token names no reseller (claim " + resellerClaim + ")");
      }
      Collection<GrantedAuthority> authorities = new ArrayList<>();
      authorities.add(new SimpleGrantedAuthority(Role.RESELLER.authority()));
      authorities.addAll(scopes.convert(jwt));
      AppUser user = new AppUser(subject, List.of(Role.RESELLER.groupId()), List.of(reseller));
      return new ResellerTokenAuthentication(user, jwt, authorities);
    };
  }

  private static OAuth2TokenValidator<Jwt> issuer(java.util.function.Supplier<String> expected) {
    return jwt ->
        expected.get().equals(jwt.getClaimAsString(JwtClaimNames.ISS))
            ? OAuth2TokenValidatorResult.success()
            : invalid("The token is from another issuer");
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    return jwt ->
        jwt.getAudience() != null && jwt.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : invalid("The token is not for this API (audience " + audience + ")");
  }

  /**
   * A token of the embedded server is good only while its client is active and was issued under the
   * client's current secret (its claim names the secret's validity start, compared exactly).
   */
  private static OAuth2TokenValidator<Jwt> activeClient(ApiClients clients) {
    return jwt -> {
      Optional<Instant> since = clients.credentialsSince(jwt.getSubject());
      Object issuedUnder = jwt.getClaims().get(ApiClients.CREDENTIALS_CLAIM);
      return since.isPresent()
              && issuedUnder instanceof Number millis
              && millis.longValue() == since.get().toEpochMilli()
          ? OAuth2TokenValidatorResult.success()
          : invalid("The token's client is revoked, or its secret was rotated since");
    };
  }

  private static OAuth2TokenValidatorResult invalid(String description) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
  }
}
