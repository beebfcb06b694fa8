package com.ingrammicro.masterpayer.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the benchmark programs start the application in their JVM: on a PostgreSQL database, the
 * automated access removal on against the IAM/STS test server, mails to a folder, quiet logs. Given
 * as command-line arguments, which outrank the profiles' files.
 */
public final class BenchmarkApplication {

  private BenchmarkApplication() {}

  /**
   * The arguments; the list is the caller's, to add its own. Also hands the engine its AWS
   * credentials.
   */
  public static List<String> arguments(String databaseUrl, FakeAws aws, Path mailFolder) {
    // the engine's own credentials, as the AWS default credential chain finds them
    System.setProperty("aws.accessKeyId", FakeAws.ENGINE_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", FakeAws.ENGINE_SECRET_KEY);
    return new ArrayList<>(
        List.of(
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=" + TestPostgres.USER,
            "--spring.datasource.password=" + TestPostgres.PASSWORD,
            "--server.port=0",
            "--offboarding.mail.drop-folder=" + mailFolder,
            "--offboarding.cleanup.enabled=true",
            "--offboarding.cleanup.engine-principal=" + FakeAws.ENGINE_PRINCIPAL,
            "--offboarding.cleanup.sts-endpoint=" + aws.endpoint(),
            "--offboarding.cleanup.iam-endpoint=" + aws.endpoint(),
            "--offboarding.cleanup.cloudformation-endpoint=" + aws.endpoint(),
            "--offboarding.cleanup.s3-endpoint=" + aws.endpoint(),
            "--offboarding.cleanup.distributor-accounts.ingram-micro=" + FakeAws.INGRAM_ACCOUNT,
            "--logging.level.root=WARN",
            "--logging.level.org.camunda.bpm.engine.context=OFF"));
  }

  /** The answers that move each human task on towards COMPLETED, as the benchmarks give them. */
  public static Map<String, Object> approvingOutcome(String taskDefinitionKey) {
    return switch (taskDefinitionKey) {
      case "Task_ReviewRequest" -> Map.of("approved", true);
      case "Task_CountersignCta" -> Map.of("ctaAccepted", true);
      case "Task_ConfirmPaymentClearance" -> Map.of("paymentCleared", true);
      case "Task_HandOverBilling" ->
          Map.of("billingHandedOver", true, "taxSettingsUpdated", true, "contactsUpdated", true);
      case "Task_ApproveRemovalPlan" -> Map.of("planApproved", true);
      case "Task_RemoveAccessManually" ->
          Map.of("accessRemoved", true, "notes", "Removed IMBillingRole and CloudCheckr roles");
      default -> throw new IllegalStateException("Unknown task " + taskDefinitionKey);
    };
  }
}
