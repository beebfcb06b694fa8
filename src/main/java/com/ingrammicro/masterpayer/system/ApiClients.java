package com.ingrammicro.masterpayer.system;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The resellers' API clients, as the embedded authorization server and the token check need them;
 * kept by the {@code clients} module.
 */
public interface ApiClients {

  /** The setting of a client's registration that names the reseller its tokens act for. */
  String RESELLER_SETTING = "offboarding.reseller";

  /** The active client with the given client id: its secret's hash, scopes and reseller. */
  Optional<RegisteredClient> findActive(String clientId);

  /**
   * Since when the client's current secret is valid, or empty when the client is unknown or
   * revoked: a token issued before it was issued under a secret that is no longer the client's.
   */
  Optional<Instant> credentialsSince(String clientId);
}
