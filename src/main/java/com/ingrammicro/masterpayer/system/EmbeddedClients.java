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
 * /api/admin/clients}, never through the authorization server, so {@link #save} refuses.
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
    throw new UnsupportedOperationException(
        "Clients are registered over /api/admin/clients, not by the authorization server");
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
