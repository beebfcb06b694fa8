package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.system.AppUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API of the payer registry: list, register, move, retire, import. A payer
 * account is addressed by its account id; what it returns is its active entry.
 */
@RestController
@RequestMapping(PayerAccountController.PATH)
@Tag(
    name = "Payer registry",
    description =
        "For administrators: which reseller each payer account belongs to. A reseller can request "
            + "the offboarding of its registered payer accounts only.")
class PayerAccountController {

  static final String PATH = "/api/admin/payer-accounts";

  private static final String ACCOUNT_ID = "\\d{12}";
  private static final String ACCOUNT_ID_MESSAGE = "must be a 12-digit AWS account id";

  record Move(
      @NotNull
          @Pattern(
              regexp = NewPayerAccount.RESELLER_ID,
              message = NewPayerAccount.RESELLER_ID_MESSAGE)
          String resellerId) {}

  record PageView(
      List<PayerAccount> content, int page, int size, long totalElements, long totalPages) {}

  private final PayerAccountAdministration registry;
  private final RegistryProperties properties;

  PayerAccountController(PayerAccountAdministration registry, RegistryProperties properties) {
    this.registry = registry;
    this.properties = properties;
  }

  @GetMapping
  @Operation(
      summary = "List the registry's entries by account id",
      description =
          "Optionally one reseller's; with includeRetired, also the retired entries (a moved payer "
              + "account's earlier ones among them), newest first within an account.")
  PageView list(
      @RequestParam(required = false)
          @Pattern(
              regexp = NewPayerAccount.RESELLER_ID,
              message = NewPayerAccount.RESELLER_ID_MESSAGE)
          String resellerId,
      @RequestParam(defaultValue = "false") boolean includeRetired,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    PayerAccountAdministration.Page result = registry.list(resellerId, includeRetired, page, size);
    return new PageView(
        result.content(),
        result.page(),
        result.size(),
        result.totalElements(),
        (result.totalElements() + size - 1) / size);
  }

  @GetMapping("/{accountId}")
  @Operation(
      summary = "The active entry of one payer account",
      description = "404 when it has none.")
  PayerAccount get(
      @PathVariable @Pattern(regexp = ACCOUNT_ID, message = ACCOUNT_ID_MESSAGE) String accountId) {
    return registry.get(accountId);
  }

  @PostMapping
  @Operation(
      summary = "Register a payer account to a reseller",
      description =
          "201 with the entry; 409 when the payer account is registered already (to whichever "
              + "reseller); 422 when the reseller is unknown.")
  ResponseEntity<PayerAccount> register(
      @AuthenticationPrincipal AppUser admin, @Valid @RequestBody NewPayerAccount account) {
    PayerAccount entry = registry.register(admin, account);
    return ResponseEntity.created(URI.create(PATH + "/" + entry.accountId())).body(entry);
  }

  @PutMapping("/{accountId}/reseller")
  @Operation(
      summary = "Move a payer account to another reseller",
      description =
          "Retires its entry and adds one for the new reseller, since now; the same reseller again "
              + "changes nothing. 404 when the payer account is not registered; 409 while it has an "
              + "offboarding in progress (its id in the problem); 422 when the reseller is unknown.")
  PayerAccount move(
      @AuthenticationPrincipal AppUser admin,
      @PathVariable @Pattern(regexp = ACCOUNT_ID, message = ACCOUNT_ID_MESSAGE) String accountId,
      @Valid @RequestBody Move move) {
    return registry.move(admin, accountId, move.resellerId());
  }

  @DeleteMapping("/{accountId}")
  @Operation(
      summary = "Retire a payer account",
      description =
          "204; its entries stay on record. 404 when it is not registered; 409 while it has an "
              + "offboarding in progress (its id in the problem).")
  ResponseEntity<Void> retire(
      @AuthenticationPrincipal AppUser admin,
      @PathVariable @Pattern(regexp = ACCOUNT_ID, message = ACCOUNT_ID_MESSAGE) String accountId) {
    registry.retire(admin, accountId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping(path = "/import", consumes = "text/csv")
  @Operation(
      summary = "Register the payer accounts of a CSV file, all or none",
      description =
          "UTF-8, header accountId,resellerId,name, one payer account a line; size-capped "
              + "(offboarding.registry.max-import-size). 200 with the counts; 422 when any line is "
              + "invalid, naming each (line number and reason), and nothing is registered; 413 when "
              + "the file is too large. A payer account already registered to the same reseller "
              + "under the same name is left unchanged.")
  PayerAccountAdministration.ImportResult importCsv(
      @AuthenticationPrincipal AppUser admin, HttpServletRequest request) throws IOException {
    long max = properties.maxImportSize().toBytes();
    if (request.getContentLengthLong() > max) {
      throw RegistryProblems.importTooLarge(max);
    }
    return registry.importCsv(admin, readAtMost(request.getInputStream(), max));
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (content.length > max) {
      throw RegistryProblems.importTooLarge(max);
    }
    return content;
  }
}
