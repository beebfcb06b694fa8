package com.ingrammicro.masterpayer.cleanup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The engine's AWS clients: one STS client with the engine's own credentials (the default
 * credential chain: environment, profile, container or instance role), and per offboarding IAM and
 * CloudFormation clients that work with the credentials of the assumed cleanup role. All share one
 * connection pool, made on first use: an engine that never removes access automatically opens none.
 */
@Component
class AwsClients implements DisposableBean {

  private final AccessRemovalProperties properties;
  private SdkHttpClient http; // written before sts, read after it
  private volatile StsClient sts;

  AwsClients(AccessRemovalProperties properties) {
    this.properties = properties;
  }

  /**
   * Assumes the cleanup role in the payer account: a short session named after the offboarding,
   * bound to the offboarding's ExternalId.
   */
  CrossAccountSession assume(String payerAccountId, String externalId, String sessionName) {
    String roleArn = CleanupRoleTemplate.roleArn(payerAccountId, properties.roleName());
    AssumeRoleResponse assumed =
        sts()
            .assumeRole(
                request ->
                    request
                        .roleArn(roleArn)
                        .roleSessionName(sessionName)
                        .externalId(externalId)
                        .durationSeconds((int) properties.sessionDuration().toSeconds()));
    Credentials credentials = assumed.credentials();
    CallCounter counter = new CallCounter();
    StaticCredentialsProvider session =
        StaticCredentialsProvider.create(
            AwsSessionCredentials.create(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken()));
    IamClient iam =
        IamClient.builder()
            .httpClient(http)
            .region(Region.AWS_GLOBAL)
            .applyMutation(
                builder -> {
                  if (properties.iamEndpoint() != null) {
                    builder.endpointOverride(properties.iamEndpoint());
                  }
                })
            .credentialsProvider(session)
            .overrideConfiguration(overrides().addExecutionInterceptor(counter).build())
            .build();
    return new CrossAccountSession(
        iam,
        region ->
            CloudFormationClient.builder()
                .httpClient(http)
                .region(Region.of(region))
                .applyMutation(
                    builder -> {
                      if (properties.cloudformationEndpoint() != null) {
                        builder.endpointOverride(properties.cloudformationEndpoint());
                      }
                    })
                .credentialsProvider(session)
                .overrideConfiguration(overrides().addExecutionInterceptor(counter).build())
                .build(),
        region ->
            S3Client.builder()
                .httpClient(http)
                .region(Region.of(region))
                .applyMutation(
                    builder -> {
                      if (properties.s3Endpoint() != null) {
                        // a sandbox has no bucket host names: path-style requests
                        builder.endpointOverride(properties.s3Endpoint()).forcePathStyle(true);
                      }
                    })
                .credentialsProvider(session)
                .overrideConfiguration(overrides().addExecutionInterceptor(counter).build())
                .build(),
        properties.region(),
        roleArn,
        assumed.responseMetadata().requestId(),
        assumed.assumedRoleUser().arn(),
        counter);
  }

  private StsClient sts() {
    StsClient client = sts;
    if (client == null) {
      synchronized (this) {
        if (sts == null) {
          http =
              Apache5HttpClient.builder()
                  .connectionTimeout(Duration.ofSeconds(5))
                  .socketTimeout(Duration.ofSeconds(30))
                  .build();
          sts =
              StsClient.builder()
                  .httpClient(http)
                  .region(Region.of(properties.region()))
                  .applyMutation(
                      builder -> {
                        if (properties.stsEndpoint() != null) {
                          builder.endpointOverride(properties.stsEndpoint());
                        }
                      })
                  .credentialsProvider(DefaultCredentialsProvider.builder().build())
                  .overrideConfiguration(overrides().build())
                  .build();
        }
        client = sts;
      }
    }
    return client;
  }

  /**
   * The SDK retries throttling, server errors and connection failures with backoff; IAM's
   * ConcurrentModification is transient too. What still fails goes to Camunda's job retries.
   */
  private ClientOverrideConfiguration.Builder overrides() {
    RetryStrategy retries =
        AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(properties.maxAttempts())
            .retryOnException(
                e ->
                    e instanceof AwsServiceException aws
                        && aws.awsErrorDetails() != null
                        && "ConcurrentModification".equals(aws.awsErrorDetails().errorCode()))
            .build();
    return ClientOverrideConfiguration.builder()
        .retryStrategy(retries)
        .apiCallTimeout(Duration.ofMinutes(2));
  }

  @Override
  public void destroy() {
    if (sts != null) {
      sts.close();
      http.close();
    }
  }

  /** Counts the API calls of one session and the HTTP attempts they took (retries included). */
  static final class CallCounter implements ExecutionInterceptor {
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      calls.incrementAndGet();
    }

    @Override
    public void beforeTransmission(
        Context.BeforeTransmission context, ExecutionAttributes attributes) {
      attempts.incrementAndGet();
    }

    int calls() {
      return calls.get();
    }

    int attempts() {
      return attempts.get();
    }
  }
}
