package com.ingrammicro.masterpayer.cleanup;

import java.time.Instant;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

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

  /** A planned call AWS did. */
  static AwsCall done(
      AccessRemovalPlan.Target target,
      AccessRemovalPlan.Step step,
      String requestId,
      Instant at,
      String detail) {
    return new AwsCall(
        target.label(), step.action(), step.subject(), Outcome.DONE, null, requestId, at, detail);
  }

  /** A planned call AWS answered with an error: {@code outcome} FAILED, or ALREADY_GONE. */
  static AwsCall answered(
      AccessRemovalPlan.Target target,
      AccessRemovalPlan.Step step,
      Outcome outcome,
      AwsServiceException error,
      Instant at,
      String detail) {
    return new AwsCall(
        target.label(),
        step.action(),
        step.subject(),
        outcome,
        AwsErrors.code(error),
        AwsErrors.requestId(error),
        at,
        detail);
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
