package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;

/**
 * One IAM call that changes the payer account, as evidence: what was done to what, how it ended,
 * and AWS's request id (which CloudTrail in the payer account records too).
 */
public record AwsCall(
    String entity,
    String action,
    String subject,
    Outcome outcome,
    String errorCode,
    String requestId,
    Instant calledAt) {

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
