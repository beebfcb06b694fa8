package com.ingrammicro.masterpayer.cleanup;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How the cleanup reads AWS's errors: done, retry, or a business failure that people must handle.
 */
final class AwsErrors {

  /** Errors that retrying will not fix: the journey hands the work to Ingram IaaS sales. */
  private static final Set<String> BLOCKING =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnauthorizedOperation",
          "UnmodifiableEntity",
          "LimitExceeded",
          "InvalidClientTokenId",
          "RegionDisabledException",
          "MalformedPolicyDocument");

  private AwsErrors() {}

  static String code(Throwable e) {
    return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
        ? aws.awsErrorDetails().errorCode()
        : null;
  }

  static boolean isGone(Throwable e) {
    return "NoSuchEntity".equals(code(e));
  }

  /** CloudFormation answers a stack it does not know with ValidationError "… does not exist". */
  static boolean isNoStack(Throwable e) {
    return "ValidationError".equals(code(e))
        && message(e) != null
        && message(e).contains("does not exist");
  }

  static boolean isDeleteConflict(Throwable e) {
    return "DeleteConflict".equals(code(e));
  }

  /**
   * The reason people must take over, or empty when the failure is technical (retry, then
   * incident).
   */
  static Optional<String> blockingReason(Throwable e) {
    String code = code(e);
    if (code == null || !BLOCKING.contains(code)) {
      return Optional.empty();
    }
    return Optional.of(code + ": " + message(e));
  }

  static String message(Throwable e) {
    return e instanceof AwsServiceException aws
            && aws.awsErrorDetails() != null
            && aws.awsErrorDetails().errorMessage() != null
        ? aws.awsErrorDetails().errorMessage()
        : e.getMessage();
  }

  static String requestId(Throwable e) {
    return e instanceof AwsServiceException aws ? aws.requestId() : null;
  }
}
