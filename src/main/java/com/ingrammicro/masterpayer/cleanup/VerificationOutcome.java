package com.ingrammicro.masterpayer.cleanup;

/**
 * The answer of {@link AccessRemoval#verify}: what AWS said, and whether the journey may complete
 * on it. It may when nothing of the distributor remains, or when AWS cannot be asked and a person
 * has attested the removal by hand; otherwise people take over again.
 *
 * @param attested whether a person had just attested the removal when verification ran
 */
public record VerificationOutcome(
    String payerAccountId, Verification verification, boolean attested) {

  public Verification.Result result() {
    return verification.result();
  }

  /** Whether the distributor's access counts as removed. */
  public boolean done() {
    return verification.result() == Verification.Result.VERIFIED
        || (verification.result() == Verification.Result.UNVERIFIABLE && attested);
  }

  /** How the removal was established, as the completion mail reports it. */
  public String report() {
    return switch (verification.result()) {
      case VERIFIED ->
          "Verified through AWS: nothing of the distributor remains in payer account "
              + payerAccountId
              + " ("
              + verification.checkedAt()
              + ", STS request "
              + verification.assumeRequestId()
              + ").";
      case REMAINING ->
          "Verification found entities of the distributor still in the payer account.";
      case UNVERIFIABLE ->
          (attested ? "Removed by hand and attested; not verified through AWS: " : "Not verified: ")
              + verification.reason();
    };
  }

  /**
   * What keeps the journey from completing, for the people who take over; null when {@link
   * #done()}.
   */
  public String failureSummary() {
    return done() ? null : TaskTexts.limit(verification.problem());
  }

  /** What remains to remove, one line each; null when {@link #done()}. */
  public String remainingSummary() {
    return done()
        ? null
        : TaskTexts.bullets(
            verification.remaining(),
            "Unknown: verification could not look. Check every role and customer-managed policy.");
  }
}
