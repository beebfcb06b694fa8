package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Problems;
import com.ingrammicro.masterpayer.system.Resellers;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Registers, rotates and revokes resellers' API clients. A secret is 256 random bits, shown once in
 * the answer that makes it and kept only as its bcrypt hash; every change is recorded with the
 * administrator who made it.
 */
@Service
class ApiClientAdministration {

  private static final Logger log = LoggerFactory.getLogger(ApiClientAdministration.class);
  static final List<String> ALL_SCOPES = List.of("offboardings:read", "offboardings:write");

  /** A client with the secret that was just made for it. */
  record WithSecret(ApiClient client, String clientSecret) {}

  private final ApiClientRepository repository;
  private final ResellerApiClients clients;
  private final Resellers resellers;
  private final Clock clock;
  private final PasswordEncoder hashes = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private final SecureRandom random = new SecureRandom();

  ApiClientAdministration(
      ApiClientRepository repository,
      ResellerApiClients clients,
      Resellers resellers,
      Clock clock) {
    this.repository = repository;
    this.clients = clients;
    this.resellers = resellers;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<ApiClient> list(String resellerId) {
    return repository.list(resellerId);
  }

  @Transactional(readOnly = true)
  ApiClient get(String clientId) {
    return repository
        .find(clientId)
        .map(stored -> stored.client().withChanges(repository.changes(clientId)))
        .orElseThrow(() -> notFound(clientId));
  }

  @Transactional
  WithSecret register(AppUser admin, NewApiClient request) {
    if (!resellers.exists(request.resellerId())) {
      throw Problems.problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "reseller-not-found",
          "Unknown reseller",
          "Reseller " + request.resellerId() + " is not known to the identity store.");
    }
    String clientId =
        request.clientId() != null
            ? request.clientId()
            : request.resellerId().toLowerCase() + "-" + HexFormat.of().formatHex(bytes(6));
    if (repository.exists(clientId)) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "client-already-registered",
          "Client id taken",
          "A client " + clientId + " is registered already (revoked clients keep their id).");
    }
    String secret = newSecret();
    WithSecret made = create(admin.userId(), clientId, request, secret);
    log.info(
        "Administrator {} registered API client {} for reseller {}",
        admin.userId(),
        clientId,
        request.resellerId());
    return made;
  }

  /** The demo clients of the local profile, whose secret is their id, if they are missing. */
  @Transactional
  void seed(String clientId, String resellerId, String name) {
    if (!repository.exists(clientId)) {
      create("seed", clientId, new NewApiClient(resellerId, name, clientId, ALL_SCOPES), clientId);
    }
  }

  @Transactional
  WithSecret rotate(AppUser admin, String clientId) {
    ApiClient client = activeOrRefuse(clientId);
    String secret = newSecret();
    repository.rotate(client, hashes.encode(secret), admin.userId(), now());
    clients.changed(clientId);
    log.info("Administrator {} rotated the secret of API client {}", admin.userId(), clientId);
    return new WithSecret(get(clientId), secret);
  }

  @Transactional
  ApiClient revoke(AppUser admin, String clientId) {
    ApiClient client = activeOrRefuse(clientId);
    repository.revoke(client, admin.userId(), now());
    clients.changed(clientId);
    log.info("Administrator {} revoked API client {}", admin.userId(), clientId);
    return get(clientId);
  }

  private WithSecret create(String by, String clientId, NewApiClient request, String secret) {
    OffsetDateTime now = now();
    List<String> scopes = request.scopes() == null ? ALL_SCOPES : List.copyOf(request.scopes());
    ApiClient client =
        new ApiClient(
            clientId,
            request.resellerId(),
            request.name(),
            scopes,
            now,
            by,
            now,
            null,
            null,
            List.of());
    repository.insert(client, hashes.encode(secret));
    clients.changed(clientId);
    return new WithSecret(get(clientId), secret);
  }

  private ApiClient activeOrRefuse(String clientId) {
    ApiClient client = repository.lock(clientId).orElseThrow(() -> notFound(clientId));
    if (!client.active()) {
      throw Problems.problem(
          HttpStatus.CONFLICT,
          "client-revoked",
          "Client revoked",
          "Client " + clientId + " was revoked; register a new client instead.");
    }
    return client;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private String newSecret() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
  }

  private byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static ErrorResponseException notFound(String clientId) {
    return Problems.problem(
        HttpStatus.NOT_FOUND,
        "client-not-found",
        "Client not found",
        "No API client " + clientId + " is registered.");
  }
}
