package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** Which provider staff sign in with, and that there is always one. */
class StaffClientRegistrationsTest {

  private final MockEnvironment environment =
      new MockEnvironment().withProperty("local.server.port", "18080");

  private static AccessProperties access(boolean embeddedServer) {
    return new AccessProperties(
        URI.create("https://offboarding.company.example"),
        new AccessProperties.AuthorizationServer(embeddedServer, java.time.Duration.ofSeconds(1)),
        new AccessProperties.Api("api", "reseller", java.time.Duration.ofMinutes(5)),
        true,
        new AccessProperties.StaffLogin("groups", Map.of()));
  }

  private static OAuth2ClientProperties company(String registrationId, Set<String> scopes) {
    OAuth2ClientProperties properties = new OAuth2ClientProperties();
    OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
    registration.setClientId("master-payer-offboarding");
    registration.setClientSecret("secret");
    registration.setScope(scopes);
    properties.getRegistration().put(registrationId, registration);
    OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
    provider.setAuthorizationUri("https://login.company.example/authorize");
    provider.setTokenUri("https://login.company.example/token");
    provider.setJwkSetUri("https://login.company.example/keys");
    properties.getProvider().put(registrationId, provider);
    return properties;
  }

  @Test
  void withoutTheCompanysProviderOrTheEmbeddedOneTheApplicationDoesNotStart() {
    assertThatThrownBy(
            () ->
                StaffClientRegistrations.of(
                    new OAuth2ClientProperties(), access(false), null, environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the webapps have no password login to fall back on")
        .hasMessageContaining("spring.security.oauth2.client.registration.staff.client-id")
        .hasMessageContaining("spring.security.oauth2.client.provider.staff.issuer-uri")
        .hasMessageContaining("offboarding.security.authorization-server.enabled");
  }

  @Test
  void theCompanysProviderIsTheRegistrationNamedStaffWithOpenIdConnect() {
    assertThatThrownBy(
            () ->
                StaffClientRegistrations.of(
                    company("entra", Set.of("openid")), access(true), null, environment))
        .hasMessageContaining("exactly one registration, named staff");
    assertThatThrownBy(
            () ->
                StaffClientRegistrations.of(
                    company("staff", Set.of("profile")), access(true), null, environment))
        .hasMessageContaining("spring.security.oauth2.client.registration.staff.scope")
        .hasMessageContaining("openid");
  }

  @Test
  void theCompanysProviderComesBeforeTheEmbeddedOneAndNeedsOnlyItsClientAndEndpoints() {
    ClientRegistration staff =
        StaffClientRegistrations.of(
                company("staff", Set.of("openid", "profile")),
                access(true),
                new Issuer(access(true)),
                environment)
            .findByRegistrationId("staff");

    assertThat(staff.getClientId()).isEqualTo("master-payer-offboarding");
    assertThat(staff.getAuthorizationGrantType())
        .isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
    assertThat(staff.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/staff");
    assertThat(staff.getProviderDetails().getAuthorizationUri())
        .isEqualTo("https://login.company.example/authorize");
  }

  @Test
  void theEmbeddedProviderIsAPublicClientReachedByTheBrowserAtTheIssuerAndByItselfOverLoopback() {
    StaffClientRegistrations registrations =
        StaffClientRegistrations.of(
            new OAuth2ClientProperties(), access(true), new Issuer(access(true)), environment);

    ClientRegistration staff = registrations.findByRegistrationId("staff");

    assertThat(registrations.findByRegistrationId("other")).isNull();
    assertThat(staff.getClientId()).isEqualTo(EmbeddedClients.STAFF_LOGIN);
    assertThat(staff.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
    assertThat(staff.getRedirectUri())
        .isEqualTo("https://offboarding.company.example/login/oauth2/code/staff");
    assertThat(staff.getProviderDetails().getAuthorizationUri())
        .isEqualTo("https://offboarding.company.example/oauth2/authorize");
    assertThat(staff.getProviderDetails().getIssuerUri())
        .isEqualTo("https://offboarding.company.example");
    assertThat(staff.getProviderDetails().getTokenUri())
        .isEqualTo("http://127.0.0.1:18080/oauth2/token");
    assertThat(staff.getProviderDetails().getJwkSetUri())
        .isEqualTo("http://127.0.0.1:18080/oauth2/jwks");
    assertThat(registrations.findByRegistrationId("staff")).as("built once").isSameAs(staff);
  }
}
