package com.ingrammicro.masterpayer.offboarding;

import com.ingrammicro.masterpayer.system.AppUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reseller API: start, follow and withdraw offboardings. */
@RestController
@RequestMapping("/api/offboardings")
class OffboardingController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  record WithdrawalRequest(@Size(max = 2000) String reason) {}

  record PageView(
      List<OffboardingView> content, int page, int size, long totalElements, long totalPages) {}

  private final OffboardingService offboardings;
  private final SignedCtaProgress signedCta;
  private final AccessRemovalProgress accessRemoval;

  OffboardingController(
      OffboardingService offboardings,
      SignedCtaProgress signedCta,
      AccessRemovalProgress accessRemoval) {
    this.offboardings = offboardings;
    this.signedCta = signedCta;
    this.accessRemoval = accessRemoval;
  }

  @PostMapping
  @Operation(
      summary = "Start the offboarding of a payer account",
      description =
          "Answers 201 with the new offboarding; 422 (payer-not-registered) when the payer account is "
              + "not registered to the caller's reseller in the payer registry, the same answer whether it "
              + "is unknown or another reseller's; 409 when the payer already has an active offboarding. "
              + "With an Idempotency-Key, repeating the same request returns the offboarding it created.")
  ResponseEntity<OffboardingView> start(
      @AuthenticationPrincipal AppUser user,
      @Valid @RequestBody OffboardingRequest request,
      @Parameter(
              description =
                  "Makes retries safe: the same key with the same body answers with the same offboarding.")
          @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
          @Size(min = 1, max = 255)
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
          String idempotencyKey) {
    OffboardingService.Started started = offboardings.start(user, request, idempotencyKey);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(HttpStatus.CREATED)
            .location(URI.create("/api/offboardings/" + started.offboarding().id()));
    if (started.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(OffboardingView.of(started.offboarding()));
  }

  @GetMapping
  @Operation(
      summary = "List offboardings, newest first",
      description = "Resellers see their own; staff see all.")
  PageView list(
      @AuthenticationPrincipal AppUser user,
      @RequestParam(required = false) OffboardingStatus status,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    OffboardingService.Page result = offboardings.list(user, status, page, size);
    return new PageView(
        result.content().stream().map(OffboardingView::of).toList(),
        result.page(),
        result.size(),
        result.totalElements(),
        (result.totalElements() + size - 1) / size);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One offboarding: status, current stage, progress and what the reseller can do now")
  OffboardingView get(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    Offboarding offboarding = offboardings.get(user, id);
    return OffboardingView.of(
        offboarding,
        signedCta.of(id).orElse(null),
        accessRemoval.automated(),
        accessRemoval.of(id).orElse(null));
  }

  @PostMapping("/{id}/withdrawal")
  @Operation(
      summary = "Withdraw an offboarding",
      description =
          "Possible until the removal of the distributor's access has started; 409 afterwards.")
  ResponseEntity<OffboardingView> withdraw(
      @AuthenticationPrincipal AppUser user,
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) WithdrawalRequest request) {
    String reason =
        request == null || request.reason() == null || request.reason().isBlank()
            ? "Withdrawn by the reseller"
            : request.reason();
    return ResponseEntity.accepted()
        .body(OffboardingView.of(offboardings.withdraw(user, id, reason)));
  }
}
