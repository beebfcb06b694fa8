package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.system.Problems;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The administration API's business errors, as problem details with a stable type URI. */
final class RegistryProblems {

  /** The most bad rows a refused import lists one by one; the count says how many there are. */
  static final int MAX_LISTED_ROWS = 1_000;

  private static final int ROWS_IN_DETAIL = 10;

  private RegistryProblems() {}

  static ErrorResponseException notRegistered(String accountId) {
    return Problems.problem(
        HttpStatus.NOT_FOUND,
        "payer-account-not-found",
        "Payer account not registered",
        "Payer account " + accountId + " has no active entry in the payer registry.");
  }

  static ErrorResponseException alreadyRegistered(PayerAccount existing) {
    ErrorResponseException problem =
        Problems.problem(
            HttpStatus.CONFLICT,
            "payer-account-already-registered",
            "Payer account already registered",
            "Payer account "
                + existing.accountId()
                + " is registered to reseller "
                + existing.resellerId()
                + "; move it to change its reseller.");
    problem.getBody().setProperty("resellerId", existing.resellerId());
    problem
        .getHeaders()
        .setLocation(URI.create(PayerAccountController.PATH + "/" + existing.accountId()));
    return problem;
  }

  static ErrorResponseException activeOffboarding(String accountId, UUID offboardingId) {
    ErrorResponseException problem =
        Problems.problem(
            HttpStatus.CONFLICT,
            "payer-account-has-active-offboarding",
            "The payer account has an offboarding in progress",
            "Payer account "
                + accountId
                + " has offboarding "
                + offboardingId
                + " in progress; it can be moved or retired once that offboarding has ended.");
    problem.getBody().setProperty("offboardingId", offboardingId);
    return problem;
  }

  static ErrorResponseException unknownReseller(String resellerId) {
    return Problems.problem(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "unknown-reseller",
        "Unknown reseller",
        "There is no reseller "
            + resellerId
            + "; a reseller is a tenant of the identity store (Camunda Admin, Tenants).");
  }

  static ErrorResponseException invalidImport(List<PayerAccountCsv.BadRow> badRows, int rows) {
    ErrorResponseException problem =
        Problems.problem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "invalid-payer-accounts-import",
            "Payer accounts not imported",
            badRows.size()
                + (badRows.size() == 1 ? " line is" : " lines are")
                + " invalid; nothing was imported. "
                + badRows.stream()
                    .limit(ROWS_IN_DETAIL)
                    .map(bad -> "Line " + bad.line() + ": " + bad.reason())
                    .collect(Collectors.joining("; "))
                + (badRows.size() > ROWS_IN_DETAIL ? "; …" : "."));
    problem.getBody().setProperty("invalidLines", badRows.size());
    problem.getBody().setProperty("rows", rows);
    problem.getBody().setProperty("errors", badRows.stream().limit(MAX_LISTED_ROWS).toList());
    return problem;
  }

  static ErrorResponseException importRaced() {
    return Problems.problem(
        HttpStatus.CONFLICT,
        "payer-accounts-import-conflict",
        "Payer accounts changed during the import",
        "A payer account of the file was registered while it was imported; nothing was imported. "
            + "Send the file again.");
  }

  static ErrorResponseException importTooLarge(long max) {
    return Problems.problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "import-too-large",
        "Import too large",
        "A CSV import may be at most " + max + " bytes; split the file.");
  }
}
