package com.ingrammicro.masterpayer.cleanup;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code offboarding.cleanup}: how the engine reaches the payer account and what it removes there.
 *
 * @param enabled whether the journey removes access automatically; when off, Ingram IaaS sales
 *     remove it by hand
 * @param enginePrincipal the engine's own AWS principal (role ARN in Ingram's account) that the
 *     cleanup role trusts
 * @param roleName the cleanup role the reseller deploys in the payer account, which the engine
 *     assumes
 * @param sessionDuration how long an assumed session lasts (STS allows 15 minutes to 1 hour)
 * @param region the STS region; IAM is global
 * @param stsEndpoint / iamEndpoint / cloudformationEndpoint / s3Endpoint override AWS's endpoints
 *     (tests, local sandboxes; S3's with path-style requests); empty for AWS
 * @param targetRoleNames roles removed by exact name (case-insensitive, as IAM compares names)
 * @param targetPolicyNames customer-managed policies removed by name; {@code *} matches any
 *     characters
 * @param distributorAccounts accounts whose principals mark a role as the distributor's when its
 *     trust policy names them
 * @param maxAttempts attempts per AWS call, for throttling and server errors, before the job itself
 *     is retried
 * @param deleteConflictAttempts attempts per entity when IAM answers DeleteConflict (eventual
 *     consistency)
 * @param deleteConflictBackoff the first wait between those attempts, doubled each time
 * @param planApproval whether a person approves each plan before anything is removed ({@code
 *     required}), or the configuration does ({@code automatic}, recorded as approved by the engine)
 */
@Validated
@ConfigurationProperties("offboarding.cleanup")
record AccessRemovalProperties(
    boolean enabled,
    String enginePrincipal,
    @NotBlank @Pattern(regexp = "[\\w+=,.@-]{1,64}") String roleName,
    @NotNull Duration sessionDuration,
    @NotBlank String region,
    URI stsEndpoint,
    URI iamEndpoint,
    URI cloudformationEndpoint,
    URI s3Endpoint,
    @NotEmpty List<@NotBlank String> targetRoleNames,
    @NotEmpty List<@NotBlank String> targetPolicyNames,
    @NotNull
        Map<
                String,
                @Pattern(regexp = "\\d{12}", message = "must be a 12-digit AWS account id") String>
            distributorAccounts,
    @Min(1) @Max(20) int maxAttempts,
    @Min(1) @Max(10) int deleteConflictAttempts,
    @NotNull Duration deleteConflictBackoff,
    @NotNull PlanApproval planApproval) {

  /** Who approves a removal plan. */
  enum PlanApproval {
    /** A member of Ingram IaaS sales, in the task "Approve removal plan". */
    REQUIRED,
    /** Nobody: the plan is recorded as approved by the engine as soon as it is made. */
    AUTOMATIC
  }

  @AssertTrue(
      message =
          "offboarding.cleanup.engine-principal must be an IAM role or user ARN when the cleanup is enabled")
  boolean isEnginePrincipalSetWhenEnabled() {
    return !enabled
        || (enginePrincipal != null
            && enginePrincipal.matches("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+"));
  }

  @AssertTrue(
      message = "offboarding.cleanup.session-duration must be between 15 minutes and 1 hour")
  boolean isSessionDurationAllowedBySts() {
    return sessionDuration == null
        || (sessionDuration.compareTo(Duration.ofMinutes(15)) >= 0
            && sessionDuration.compareTo(Duration.ofHours(1)) <= 0);
  }
}
