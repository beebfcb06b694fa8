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

  /**
   * The setting of a client's registration that says since when its secret is valid (epoch
   * milliseconds); its tokens carry it in the claim {@link #CREDENTIALS_CLAIM}.
   */
  String CREDENTIALS_SETTING = "offboarding.credentials-since";

  /** The claim of the embedded server's API tokens that names the secret they were issued under. */
  String CREDENTIALS_CLAIM = "credentials_since";

  /** The active client with the given client id: its secret's hash, scopes and reseller. */
  Optional<RegisteredClient> findActive(String clientId);

  /**
   * Since when the client's current secret is valid, or empty when the client is unknown or
   * revoked: a token issued before it was issued under a secret that is no longer the client's.
   */
  Optional<Instant> credentialsSince(String clientId);

  /**
   * Keeps the new hash of an active client's current secret, which the authorization server made in
   * a stronger encoding after the secret checked out; the secret, and so its tokens, stay valid.
   *
   * @return false when there is no such active client
   */
  boolean rehashSecret(String clientId, String secretHash);
}
