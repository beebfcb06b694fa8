package com.ingrammicro.masterpayer.cleanup;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * IAM in the payer account, through the assumed cleanup role.
 *
 * @param assumeRequestId STS's request id for the AssumeRole call, kept as evidence
 * @param assumedRoleArn the session's identity as AWS reports it (CloudTrail shows the same)
 */
record CrossAccountSession(
    IamClient iam,
    String roleArn,
    String assumeRequestId,
    String assumedRoleArn,
    AwsClients.CallCounter counter)
    implements AutoCloseable {

  @Override
  public void close() {
    iam.close();
  }
}
