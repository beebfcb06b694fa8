package com.ingrammicro.masterpayer.offboarding;

import com.ingrammicro.masterpayer.system.Problems;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The offboarding API's business errors, as problem details with a stable type URI. */
final class OffboardingProblems {

  private OffboardingProblems() {}

  static ErrorResponseException notFound(UUID id) {
    return Problems.problem(
        HttpStatus.NOT_FOUND,
        "offboarding-not-found",
        "Offboarding not found",
        "There is no offboarding " + id + " that you can see.");
  }

  static ErrorResponseException conflict(String slug, String title, String detail) {
    return Problems.problem(HttpStatus.CONFLICT, slug, title, detail);
  }

  static ErrorResponseException activeOffboardingExists(
      String payerAccountId, UUID visibleExistingId) {
    ErrorResponseException problem =
        conflict(
            "active-offboarding-exists",
            "An offboarding is already in progress",
            "Payer account "
                + payerAccountId
                + " already has an offboarding in progress; only one may be active at a time.");
    if (visibleExistingId != null) {
      problem.getBody().setProperty("offboardingId", visibleExistingId);
      problem.getHeaders().setLocation(URI.create("/api/offboardings/" + visibleExistingId));
    }
    return problem;
  }

  /**
   * The answer for a payer account that is not registered to the caller's reseller: the same, byte
   * for byte, whether the registry does not know it or it belongs to another reseller, so that it
   * tells a caller nothing about other resellers' payer accounts.
   */
  static ErrorResponseException payerNotRegistered() {
    return Problems.problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "payer-not-registered",
        "Payer account not registered to you",
        "The payer account is not registered to your reseller in Ingram Micro's payer registry, so "
            + "you cannot request its offboarding. If it is yours, ask Ingram Micro to register it.");
  }

  static ErrorResponseException idempotencyKeyReused() {
    return Problems.problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
        "Idempotency key reused",
        "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
  }
}
