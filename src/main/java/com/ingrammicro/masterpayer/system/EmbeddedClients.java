package com.ingrammicro.masterpayer.system;

import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * The clients of the embedded authorization server: the application's own staff login (a public
 * client with PKCE, redirected back to the application's issuer address only), and the resellers'
 * API clients ({@link ApiClients}). Clients are registered by administrators over {@code
 * /api/admin/clients}, never through the authorization server; the one save the server makes is the
 * re-hash of a client's secret in a stronger encoding after it checked the secret ({@code
 * ClientSecretAuthenticationProvider}), which {@link #save} passes on.
 */
final class EmbeddedClients implements RegisteredClientRepository {

  /** The client id of the application's own staff login at the embedded provider. */
  static final String STAFF_LOGIN = "offboarding-staff-login";

  private final ApiClients apiClients;
  private final Issuer issuer;

  EmbeddedClients(ApiClients apiClients, Issuer issuer) {
    this.apiClients = apiClients;
    this.issuer = issuer;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    if (STAFF_LOGIN.equals(registeredClient.getClientId())
        || registeredClient.getClientSecret() == null
        || !apiClients.rehashSecret(
            registeredClient.getClientId(), registeredClient.getClientSecret())) {
      throw new IllegalArgumentException(
          "Clients are registered over /api/admin/clients; the authorization server may only"
              + " re-hash an active client's secret");
    }
  }

  @Override
  public RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    if (STAFF_LOGIN.equals(clientId)) {
      return staffLogin();
    }
    return Optional.ofNullable(clientId).flatMap(apiClients::findActive).orElse(null);
  }

  private RegisteredClient staffLogin() {
    String base = issuer.url();
    return RegisteredClient.withId(STAFF_LOGIN)
        .clientId(STAFF_LOGIN)
        .clientName("Master Payer Offboarding staff login")
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(base + StaffLogin.CALLBACK)
        .postLogoutRedirectUri(base + "/")
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .build();
  }
}
