package com.ingrammicro.masterpayer.system;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The OpenID provider that staff sign in with, as the one client registration {@value
 * StaffLogin#REGISTRATION}: the company's, when Spring Boot's {@code
 * spring.security.oauth2.client.registration.staff.*} and {@code provider.staff.*} name it (Entra
 * ID, Okta, Keycloak: docs/security.md), else the embedded authorization server. It is built on
 * first use, not while the application starts: a company provider is read from its issuer's
 * discovery document then (a provider that is down delays sign-in, not the start), and the embedded
 * one needs the port the application listens on.
 *
 * <p>The embedded registration is the public client {@link EmbeddedClients#STAFF_LOGIN} (no secret;
 * Spring Security adds PKCE to a public client's authorization request): the browser is sent to the
 * issuer's address, the application redeems the code and reads the signing keys from itself over
 * loopback, and the ID token must name the issuer.
 */
final class StaffClientRegistrations implements ClientRegistrationRepository {

  private final Supplier<ClientRegistration> builder;
  private volatile ClientRegistration registration;

  private StaffClientRegistrations(Supplier<ClientRegistration> builder) {
    this.builder = builder;
  }

  /**
   * The company's provider when Boot's properties name one, else the embedded one when it runs;
   * otherwise the application refuses to start: the webapps have no password login to fall back on.
   */
  static StaffClientRegistrations of(
      OAuth2ClientProperties clients,
      AccessProperties access,
      Issuer issuer,
      Environment environment) {
    Map<String, OAuth2ClientProperties.Registration> configured = clients.getRegistration();
    if (!configured.isEmpty()) {
      if (!configured.keySet().equals(Set.of(StaffLogin.REGISTRATION))) {
        throw new IllegalStateException(
            "spring.security.oauth2.client.registration names "
                + configured.keySet()
                + ": staff login uses exactly one registration, named "
                + StaffLogin.REGISTRATION
                + " (spring.security.oauth2.client.registration.staff.*; docs/security.md)");
      }
      OAuth2ClientProperties.Registration staff = configured.get(StaffLogin.REGISTRATION);
      // what every staff login is, so the installation names only its client and provider
      if (staff.getAuthorizationGrantType() == null) {
        staff.setAuthorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
      }
      if (staff.getRedirectUri() == null) {
        staff.setRedirectUri("{baseUrl}" + StaffLogin.CALLBACK);
      }
      Set<String> scopes = staff.getScope();
      if (scopes == null || !scopes.contains(OidcScopes.OPENID)) {
        throw new IllegalStateException(
            "spring.security.oauth2.client.registration.staff.scope must include openid (e.g."
                + " openid,profile): staff sign in with OpenID Connect; docs/security.md");
      }
      return new StaffClientRegistrations(
          () ->
              new OAuth2ClientPropertiesMapper(clients)
                  .asClientRegistrations()
                  .get(StaffLogin.REGISTRATION));
    }
    if (issuer != null && access.authorizationServer().enabled()) {
      return new StaffClientRegistrations(() -> embedded(issuer, environment));
    }
    throw new IllegalStateException(
        "No OpenID provider for staff login, and the webapps have no password login to fall back"
            + " on: set spring.security.oauth2.client.registration.staff.client-id (and"
            + " .client-secret) and spring.security.oauth2.client.provider.staff.issuer-uri to the"
            + " company's provider, or enable the embedded one"
            + " (offboarding.security.authorization-server.enabled=true); docs/security.md");
  }

  /**
   * Authorization requests with a proof key (PKCE, S256) whatever the client: Spring Security adds
   * one to a public client's on its own, this also to the company's confidential client's.
   */
  static OAuth2AuthorizationRequestResolver withProofKey(
      ClientRegistrationRepository registrations) {
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!StaffLogin.REGISTRATION.equals(registrationId)) {
      return null;
    }
    ClientRegistration built = registration;
    if (built == null) {
      synchronized (this) {
        if (registration == null) {
          registration = builder.get();
        }
        built = registration;
      }
    }
    return built;
  }

  private static ClientRegistration embedded(Issuer issuer, Environment environment) {
    String browser = issuer.url();
    String self = loopback(environment);
    return ClientRegistration.withRegistrationId(StaffLogin.REGISTRATION)
        .clientName("Master Payer Offboarding")
        .clientId(EmbeddedClients.STAFF_LOGIN)
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(browser + StaffLogin.CALLBACK)
        .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
        .authorizationUri(browser + "/oauth2/authorize")
        .tokenUri(self + "/oauth2/token")
        .jwkSetUri(self + "/oauth2/jwks")
        .issuerUri(browser)
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .build();
  }

  /**
   * The application itself, as its own server code reaches it: the address it listens on, or
   * loopback when it listens on every address.
   */
  private static String loopback(Environment environment) {
    String port = environment.getProperty("local.server.port");
    if (port == null) {
      throw new IllegalStateException("The embedded provider's port is not known yet");
    }
    String address = environment.getProperty("server.address", "");
    String host =
        address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
            ? "127.0.0.1"
            : address.contains(":") ? "[" + address + "]" : address;
    return "http://" + host + ":" + port;
  }
}
