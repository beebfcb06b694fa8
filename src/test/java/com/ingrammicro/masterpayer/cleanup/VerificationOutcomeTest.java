package com.ingrammicro.masterpayer.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The journey completes when AWS finds nothing of the distributor, or when AWS cannot be asked and
 * a person has attested the removal; the texts say which it was.
 */
class VerificationOutcomeTest {

  private static final Instant CHECKED = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  void nothingLeftCompletesTheJourneyVerifiedThroughAws() {
    VerificationOutcome outcome =
        outcome(
            new Verification(Verification.Result.VERIFIED, List.of(), null, CHECKED, "req-1"),
            false);

    assertThat(outcome.done()).isTrue();
    assertThat(outcome.report())
        .isEqualTo(
            "Verified through AWS: nothing of the distributor remains in payer account "
                + "123456789012 (2026-11-26T09:00:00Z, STS request req-1).");
    assertThat(outcome.failureSummary()).isNull();
    assertThat(outcome.remainingSummary()).isNull();
  }

  @Test
  void whatRemainsGoesBackToPeopleEvenWhenAttested() {
    VerificationOutcome outcome =
        outcome(
            new Verification(
                Verification.Result.REMAINING,
                List.of("role IMBillingRole", "policy IMMasterBilling"),
                null,
                CHECKED,
                "req-1"),
            true);

    assertThat(outcome.done()).isFalse();
    assertThat(outcome.failureSummary())
        .isEqualTo("Still in the payer account: role IMBillingRole, policy IMMasterBilling");
    assertThat(outcome.remainingSummary())
        .isEqualTo("- role IMBillingRole\n- policy IMMasterBilling\n");
  }

  @Test
  void anAccountAwsCannotReadCompletesOnlyOnAPersonsAttestation() {
    Verification unverifiable =
        new Verification(
            Verification.Result.UNVERIFIABLE, List.of(), "AccessDenied", CHECKED, null);

    assertThat(outcome(unverifiable, false).done()).isFalse();
    assertThat(outcome(unverifiable, false).report()).isEqualTo("Not verified: AccessDenied");
    assertThat(outcome(unverifiable, false).remainingSummary())
        .startsWith("Unknown: verification could not look.");
    assertThat(outcome(unverifiable, true).done()).isTrue();
    assertThat(outcome(unverifiable, true).report())
        .isEqualTo("Removed by hand and attested; not verified through AWS: AccessDenied");
  }

  @Test
  void longListsAreCutShortForTheTaskForm() {
    List<String> roles = IntStream.range(0, 500).mapToObj(i -> "role CloudCheckrRole" + i).toList();

    String remaining = new AccessRemovalBlockedException("AWS refused", roles).remainingSummary();

    assertThat(remaining.length()).isLessThanOrEqualTo(TaskTexts.MAX_TEXT);
    assertThat(remaining)
        .startsWith("- role CloudCheckrRole0\n")
        .containsPattern("- … and \\d+ more\n$");
  }

  private static VerificationOutcome outcome(Verification verification, boolean attested) {
    return new VerificationOutcome("123456789012", verification, attested);
  }
}
