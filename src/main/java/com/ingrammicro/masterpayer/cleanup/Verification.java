package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;
import java.util.List;

/**
 * What verification found: nothing left, entities left, or no way to look.
 *
 * @param remaining the distributor's entities still in the account, as people read them
 * @param reason why verification could not look (UNVERIFIABLE only)
 * @param assumeRequestId STS's request id for the session that looked
 */
public record Verification(
    Result result,
    List<String> remaining,
    String reason,
    Instant checkedAt,
    String assumeRequestId) {

  /** What keeps the journey from completing, in words for people; null when verified. */
  public String problem() {
    return switch (result) {
      case VERIFIED -> null;
      case REMAINING -> "Still in the payer account: " + String.join(", ", remaining);
      case UNVERIFIABLE -> "Verification through AWS not possible: " + reason;
    };
  }

  /** The three answers verification can give. */
  public enum Result {
    VERIFIED,
    REMAINING,
    UNVERIFIABLE
  }
}
