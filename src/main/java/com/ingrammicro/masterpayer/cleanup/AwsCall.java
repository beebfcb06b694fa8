package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;

/**
 * One call that changes the payer account, as evidence: what was done to what, how it ended, and
 * AWS's request id (which CloudTrail in the payer account records too).
 *
 * @param detail what else the call leaves as evidence: a deleted stack's events, a bucket policy
 *     before and after; null for most calls
 */
public record AwsCall(
    String entity,
    String action,
    String subject,
    Outcome outcome,
    String errorCode,
    String requestId,
    Instant calledAt,
    String detail) {

  public AwsCall(
      String entity,
      String action,
      String subject,
      Outcome outcome,
      String errorCode,
      String requestId,
      Instant calledAt) {
    this(entity, action, subject, outcome, errorCode, requestId, calledAt, null);
  }

  /** How a call ended. */
  public enum Outcome {
    /** AWS did it. */
    DONE,
    /** AWS answered NoSuchEntity: already gone, which is what the cleanup wants. */
    ALREADY_GONE,
    /** AWS refused or failed; the error code says why. */
    FAILED
  }
}
