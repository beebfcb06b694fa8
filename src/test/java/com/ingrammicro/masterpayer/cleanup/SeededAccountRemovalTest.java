package com.ingrammicro.masterpayer.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole footprint of the seeded payer account (IAM, CloudFormation, S3), discovered, removed
 * and verified as {@link AccessRemoval} does it, through the real AWS SDK over HTTP; a run that
 * dies halfway is finished by the next. Prints the calls and the time it took.
 */
class SeededAccountRemovalTest {

  static final String EXTERNAL_ID = "external-id-for-the-seeded-account";

  static FakeAws aws;
  static AwsClients clients;
  static int accounts;

  @BeforeAll
  static void startAws() {
    aws = new FakeAws().pageSize(10);
    System.setProperty("aws.accessKeyId", FakeAws.ENGINE_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", FakeAws.ENGINE_SECRET_KEY);
    clients = new AwsClients(IamRemovalTest.properties(aws));
  }

  @AfterAll
  static void stopAws() {
    clients.destroy();
    aws.close();
  }

  @Test
  void theSeededAccountsWholeFootprintIsRemovedAndNothingOfTheCustomersIsTouched() {
    FakeAws.Account account = seeded();
    long started = System.nanoTime();
    List<AwsCall> journal = new ArrayList<>();
    AccessRemovalPlan plan;
    AwsClients.CallCounter counter;
    try (CrossAccountSession session = clients.assume(account.id(), EXTERNAL_ID, "seeded-plan")) {
      plan = discover(session, account);
      remove(session, plan, journal::add);
      assertThat(discover(session, account).isEmpty()).as("verified: nothing left").isTrue();
      counter = session.counter();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(plan.targets().map(AccessRemovalPlan.Target::label))
        .contains(
            "role IMBillingRole",
            "stack " + PayerAccounts.CLOUDCHECKR_STACK,
            "bucket policy " + PayerAccounts.curBucket(account.id()),
            "bucket policy " + PayerAccounts.cloudTrailBucket(account.id()));
    assertThat(account.roleNames()).containsAll(PayerAccounts.CUSTOMER_ROLES);
    assertThat(account.stackStatus(PayerAccounts.MIXED_STACK)).isEqualTo("CREATE_COMPLETE");
    assertThat(account.bucketPolicy(PayerAccounts.curBucket(account.id())))
        .contains("AllowCurDelivery", "CustomerAnalytics");
    assertThat(journal).extracting(AwsCall::outcome).containsOnly(AwsCall.Outcome.DONE);
    assertThat(journal).hasSize(25);
    System.out.printf(
        "Removal of the seeded payer account's whole footprint (plan, remove, verify): %d planned"
            + " calls, %d changes, 1 STS call and %d AWS calls (%d HTTP attempts) in %d ms%n",
        plan.stepCount(), journal.size(), counter.calls(), counter.attempts(), took.toMillis());
  }

  @Test
  void aRunThatDiesHalfwayIsFinishedByTheNextWithoutErrors() {
    FakeAws.Account account = seeded();
    List<AwsCall> journal = new ArrayList<>();
    try (CrossAccountSession session = clients.assume(account.id(), EXTERNAL_ID, "seeded-crash")) {
      AccessRemovalPlan plan = discover(session, account);
      AtomicInteger made = new AtomicInteger();
      Consumer<AwsCall> dyingAtTheTwentyFourthChange =
          call -> {
            if (made.incrementAndGet() == 24) {
              throw new IllegalStateException("the engine died here");
            }
          };
      assertThatThrownBy(() -> remove(session, plan, dyingAtTheTwentyFourthChange))
          .hasMessage("the engine died here");

      remove(session, plan, journal::add);

      assertThat(discover(session, account).isEmpty()).isTrue();
      assertThat(journal).extracting(AwsCall::outcome).doesNotContain(AwsCall.Outcome.FAILED);
      assertThat(journal)
          .filteredOn(call -> call.action().equals("DeleteStack"))
          .singleElement()
          .extracting(AwsCall::outcome)
          .isEqualTo(AwsCall.Outcome.ALREADY_GONE);
    }
  }

  private FakeAws.Account seeded() {
    return PayerAccounts.seed(
        aws.account(String.format("%012d", 423456789012L + ++accounts)), EXTERNAL_ID);
  }

  /** As AccessRemoval.discover: IAM, the stacks that hold it, the bucket policies. */
  private static AccessRemovalPlan discover(CrossAccountSession session, FakeAws.Account account) {
    return buckets(session)
        .assign(stacks(session).assign(iam(session).discover(account.id(), session.roleArn())));
  }

  /** As AccessRemoval.remove: IAM, then stacks, then bucket policies. */
  private static void remove(
      CrossAccountSession session, AccessRemovalPlan plan, Consumer<AwsCall> journal) {
    iam(session).remove(plan, 1, journal);
    stacks(session).remove(plan, journal);
    buckets(session).remove(plan, 1, journal);
  }

  private static IamRemoval iam(CrossAccountSession session) {
    return new IamRemoval(session.iam(), footprint(), Clock.systemUTC(), 3, Duration.ofMillis(10));
  }

  private static StackRemoval stacks(CrossAccountSession session) {
    return new StackRemoval(session, Clock.systemUTC(), Duration.ofMillis(20));
  }

  private static BucketPolicyRemoval buckets(CrossAccountSession session) {
    return new BucketPolicyRemoval(session, footprint(), Clock.systemUTC());
  }

  private static DistributorFootprint footprint() {
    return new DistributorFootprint(IamRemovalTest.properties(aws), new ObjectMapper());
  }
}
