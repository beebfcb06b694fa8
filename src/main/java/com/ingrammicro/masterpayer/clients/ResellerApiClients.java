package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.system.AccessProperties;
import com.ingrammicro.masterpayer.system.ApiClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The resellers' clients as the embedded authorization server and the token check see them.
 *
 * <p>Every API call checks that its token's client is still active and its secret unchanged. That
 * answer is remembered for {@link #STATUS_CACHE} per client, so a call costs no database query; a
 * revocation or rotation on this node takes effect at once, on another node within that time (and
 * always within the token's lifetime, docs/security.md).
 */
@Component
class ResellerApiClients implements ApiClients {

  static final Duration STATUS_CACHE = Duration.ofSeconds(10);

  private record Status(Optional<Instant> credentialsSince, Instant readAt) {}

  private final ApiClientRepository repository;
  private final AccessProperties properties;
  private final Clock clock;
  private final Map<String, Status> statuses = new ConcurrentHashMap<>();

  ResellerApiClients(ApiClientRepository repository, AccessProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Optional<RegisteredClient> findActive(String clientId) {
    return repository
        .find(clientId)
        .filter(stored -> stored.client().active())
        .map(this::registration);
  }

  @Override
  public Optional<Instant> credentialsSince(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Status status = statuses.get(clientId);
    if (status == null || status.readAt().plus(STATUS_CACHE).isBefore(now)) {
      status = new Status(read(clientId), now);
      if (statuses.size() > 10_000) {
        statuses.clear(); // tokens name only registered clients; this bounds the map regardless
      }
      statuses.put(clientId, status);
    }
    return status.credentialsSince();
  }

  @Override
  public boolean rehashSecret(String clientId, String secretHash) {
    return repository.rehash(clientId, secretHash);
  }

  /** Forgets what this node remembered of the client, after a change of it. */
  void changed(String clientId) {
    statuses.remove(clientId);
  }

  private Optional<Instant> read(String clientId) {
    return repository
        .find(clientId)
        .map(ApiClientRepository.Stored::client)
        .filter(ApiClient::active)
        .map(client -> client.credentialsSince().toInstant());
  }

  private RegisteredClient registration(ApiClientRepository.Stored stored) {
    ApiClient client = stored.client();
    return RegisteredClient.withId(client.clientId())
        .clientId(client.clientId())
        .clientName(client.name())
        .clientSecret(stored.secretHash())
        .clientIdIssuedAt(client.createdAt().toInstant())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(client.scopes()))
        .clientSettings(
            ClientSettings.builder()
                .setting(RESELLER_SETTING, client.resellerId())
                .setting(CREDENTIALS_SETTING, client.credentialsSince().toInstant().toEpochMilli())
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.api().tokenLifetime())
                .build())
        .build();
  }
}
