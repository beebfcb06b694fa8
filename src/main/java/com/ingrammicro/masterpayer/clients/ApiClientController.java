package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.system.AppUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API of the resellers' OAuth2 clients: register (the secret is in the answer,
 * once), rotate the secret, revoke.
 */
@RestController
@RequestMapping(ApiClientController.PATH)
@Tag(
    name = "API clients",
    description =
        "For administrators: the resellers' OAuth2 clients (client credentials grant at "
            + "/oauth2/token). A secret is shown only in the answer that makes it.")
class ApiClientController {

  static final String PATH = "/api/admin/clients";
  private static final String CLIENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
  private static final String CLIENT_ID_MESSAGE = "must be a client id";

  /** A client with its new secret: the only answer that carries the secret. */
  record Credentials(
      String clientId, String clientSecret, String tokenEndpoint, ApiClient client) {}

  private final ApiClientAdministration clients;

  ApiClientController(ApiClientAdministration clients) {
    this.clients = clients;
  }

  @GetMapping
  @Operation(summary = "List the API clients", description = "Optionally one reseller's.")
  List<ApiClient> list(
      @RequestParam(required = false)
          @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "must be a reseller id")
          String resellerId) {
    return clients.list(resellerId);
  }

  @GetMapping("/{clientId}")
  @Operation(summary = "One API client, with who registered, rotated and revoked it when")
  ApiClient get(
      @PathVariable @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId) {
    return clients.get(clientId);
  }

  @PostMapping
  @Operation(
      summary = "Register an API client for a reseller",
      description =
          "201 with the client id and secret; the secret is not shown again. 422 for an unknown "
              + "reseller, 409 when the client id is taken.")
  ResponseEntity<Credentials> register(
      @AuthenticationPrincipal AppUser admin, @Valid @RequestBody NewApiClient client) {
    ApiClientAdministration.WithSecret made = clients.register(admin, client);
    return ResponseEntity.created(URI.create(PATH + "/" + made.client().clientId()))
        .cacheControl(CacheControl.noStore())
        .body(credentials(made));
  }

  @PostMapping("/{clientId}/secret")
  @Operation(
      summary = "Rotate a client's secret",
      description =
          "The old secret stops working at once, and so do the tokens issued under it "
              + "(docs/security.md). 409 for a revoked client.")
  ResponseEntity<Credentials> rotate(
      @AuthenticationPrincipal AppUser admin,
      @PathVariable @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(credentials(clients.rotate(admin, clientId)));
  }

  @DeleteMapping("/{clientId}")
  @Operation(
      summary = "Revoke a client",
      description =
          "It gets no more tokens, and its tokens stop working (docs/security.md). The client id "
              + "stays taken.")
  ApiClient revoke(
      @AuthenticationPrincipal AppUser admin,
      @PathVariable @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String clientId) {
    return clients.revoke(admin, clientId);
  }

  private static Credentials credentials(ApiClientAdministration.WithSecret made) {
    return new Credentials(
        made.client().clientId(), made.clientSecret(), "/oauth2/token", made.client());
  }
}
