package com.ingrammicro.masterpayer.cleanup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The payer account through the assumed cleanup role: IAM (global), and CloudFormation and S3 in
 * each region that a stack or a bucket is in (made on first use, closed with the session).
 *
 * @param assumeRequestId STS's request id for the AssumeRole call, kept as evidence
 * @param assumedRoleArn the session's identity as AWS reports it (CloudTrail shows the same)
 * @param homeRegion the configured region: where stacks are looked for by their resources
 */
record CrossAccountSession(
    IamClient iam,
    Function<String, CloudFormationClient> cloudFormationIn,
    Map<String, CloudFormationClient> cloudFormations,
    Function<String, S3Client> s3In,
    Map<String, S3Client> s3s,
    String homeRegion,
    String roleArn,
    String assumeRequestId,
    String assumedRoleArn,
    AwsClients.CallCounter counter)
    implements AutoCloseable {

  CrossAccountSession(
      IamClient iam,
      Function<String, CloudFormationClient> cloudFormationIn,
      Function<String, S3Client> s3In,
      String homeRegion,
      String roleArn,
      String assumeRequestId,
      String assumedRoleArn,
      AwsClients.CallCounter counter) {
    this(
        iam,
        cloudFormationIn,
        new ConcurrentHashMap<>(),
        s3In,
        new ConcurrentHashMap<>(),
        homeRegion,
        roleArn,
        assumeRequestId,
        assumedRoleArn,
        counter);
  }

  /** CloudFormation in {@code region} (a stack's id names its region). */
  CloudFormationClient cloudFormation(String region) {
    return cloudFormations.computeIfAbsent(region, cloudFormationIn);
  }

  /** S3 in {@code region}: a bucket's requests go to its own region. */
  S3Client s3(String region) {
    return s3s.computeIfAbsent(region, s3In);
  }

  @Override
  public void close() {
    iam.close();
    cloudFormations.values().forEach(CloudFormationClient::close);
    s3s.values().forEach(S3Client::close);
  }
}
