package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.registry.PayerAccountChange;
import com.ingrammicro.masterpayer.registry.PayerRegistryQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payer registry's history for auditors: every registration, move and retirement, with who made
 * it and when. Read-only.
 */
@RestController
@RequestMapping("/api/audit/payer-registry")
@Tag(name = "Audit")
class PayerRegistryAuditController {

  record ChangePage(
      List<PayerAccountChange> content, int page, int size, long totalElements, long totalPages) {}

  private final PayerRegistryQuery registry;

  PayerRegistryAuditController(PayerRegistryQuery registry) {
    this.registry = registry;
  }

  @GetMapping("/changes")
  @Operation(
      summary = "The changes of the payer registry, newest first",
      description =
          "Optionally of one payer account (accountId) and of one reseller (resellerId: changes "
              + "that registered a payer account to it, moved one to or from it, or retired one of "
              + "it).")
  ChangePage changes(
      @RequestParam(required = false)
          @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id")
          String accountId,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String resellerId,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(AuditController.MAX_PAGE_SIZE) int size) {
    long total = registry.countChanges(accountId, resellerId);
    return new ChangePage(
        registry.changes(accountId, resellerId, page * size, size),
        page,
        size,
        total,
        (total + size - 1) / size);
  }
}
