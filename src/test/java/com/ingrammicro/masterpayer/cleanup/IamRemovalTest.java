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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The IAM work against the seeded payer account, through the real AWS SDK over HTTP: a
 * cross-account session from STS, discovery, removal in IAM's order, verification, paging,
 * idempotence and errors.
 */
class IamRemovalTest {

  static final String EXTERNAL_ID = "external-id-for-this-test";
  static final int PAGE_SIZE = 5;

  static FakeAws aws;
  static AwsClients clients;
  static int accounts;

  FakeAws.Account account;
  CrossAccountSession session;
  final List<AwsCall> journal = new ArrayList<>();

  @BeforeAll
  static void startAws() {
    aws = new FakeAws().pageSize(PAGE_SIZE);
    System.setProperty("aws.accessKeyId", FakeAws.ENGINE_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", FakeAws.ENGINE_SECRET_KEY);
    clients = new AwsClients(properties(aws));
  }

  @AfterAll
  static void stopAws() {
    clients.destroy();
    aws.close();
  }

  @BeforeEach
  void seed() {
    account =
        PayerAccounts.seed(
            aws.account(String.format("%012d", 123456789012L + ++accounts)), EXTERNAL_ID);
    aws.clearFaults();
    session = clients.assume(account.id(), EXTERNAL_ID, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  }

  @AfterEach
  void closeSession() {
    session.close();
  }

  @Test
  void removesEverythingOfTheDistributorAndNothingElse() {
    long started = System.nanoTime();
    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());

    assertThat(plan.roles())
        .extracting(AccessRemovalPlan.Target::name)
        .containsAll(PayerAccounts.DISTRIBUTOR_ROLES)
        .contains(PayerAccounts.CLOUDCHECKR_STACK_ROLE)
        .hasSize(PayerAccounts.DISTRIBUTOR_ROLES.size() + 1);
    assertThat(plan.policies())
        .extracting(AccessRemovalPlan.Target::name)
        .containsAll(PayerAccounts.DISTRIBUTOR_POLICIES)
        .contains(PayerAccounts.CLOUDCHECKR_STACK_POLICY)
        .hasSize(PayerAccounts.DISTRIBUTOR_POLICIES.size() + 1);
    assertThat(target(plan, "IMBillingRole").stack())
        .as("CloudFormation's tag on the role")
        .contains(":stack/" + PayerAccounts.MIXED_STACK + "/");
    assertThat(plan.skipped())
        .extracting(AccessRemovalPlan.Skipped::name)
        .containsExactlyInAnyOrder("CloudCheckr", PayerAccounts.CLEANUP_ROLE);
    assertThat(target(plan, "IMBillingRole").reason()).isEqualTo("named IMBillingRole");
    assertThat(target(plan, "CloudCheckr-CostOps").reason())
        .contains("trusts the distributor account cloudcheckr (352813966189)");
    assertThat(target(plan, "CloudCheckr-CostOps").steps())
        .extracting(AccessRemovalPlan.Step::action)
        .containsExactly(
            "RemoveRoleFromInstanceProfile",
            "DetachRolePolicy",
            "DetachRolePolicy",
            "DeleteRolePermissionsBoundary",
            "DeleteRole");
    assertThat(plan.warnings())
        .containsExactlyInAnyOrder(
            "role IMBillingRole was last used 2026-11-20T08:15:00Z in us-east-1: whatever still uses"
                + " it loses that access",
            "removing policy CloudCheckrBoundary as the permissions boundary of user cost-robot"
                + " widens what it may do to everything its own policies allow");
    assertThat(target(plan, "IMMasterBilling").steps())
        .extracting(AccessRemovalPlan.Step::action)
        .containsExactly(
            "DetachUserPolicy",
            "DetachGroupPolicy",
            "DetachRolePolicy",
            "DeletePolicyVersion",
            "DeletePolicyVersion",
            "DeletePolicy");

    cleanup().remove(plan, 1, journal::add);
    AccessRemovalPlan after = cleanup().discover(account.id(), session.roleArn());
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(after.isEmpty()).as("nothing of the distributor remains").isTrue();
    assertThat(account.roleNames())
        .doesNotContainAnyElementsOf(PayerAccounts.DISTRIBUTOR_ROLES)
        .containsAll(PayerAccounts.CUSTOMER_ROLES)
        .hasSize(PayerAccounts.CUSTOMER_ROLES.size() + PayerAccounts.WORKLOAD_ROLES);
    assertThat(account.policyNames()).containsExactly("AppPolicy");
    assertThat(account.attachedToRole("AppServerRole")).hasSize(2);
    assertThat(account.attachedToUser("finance-analyst"))
        .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(account.attachedToGroup("billing-team")).isEmpty();
    assertThat(account.boundaryOfUser("cost-robot")).isNull();
    assertThat(account.instanceProfileRoles("cloudcheckr-collector")).isEmpty();
    assertThat(account.instanceProfileRoles("app-server")).containsExactly("AppServerRole");
    assertThat(journal)
        .allSatisfy(
            call -> {
              assertThat(call.outcome()).isEqualTo(AwsCall.Outcome.DONE);
              assertThat(call.requestId()).as("AWS request id of " + call).isNotBlank();
            });
    // 29 planned, 25 made: deleting IMBillingRole, CloudCheckr-CostOps and CloudCheckr-API already
    // detached four of the policies
    assertThat(plan.stepCount()).isEqualTo(29);
    assertThat(journal).hasSize(25);
    System.out.printf(
        "Cleanup of the seeded payer account (plan, remove, verify): 1 STS call and %d IAM calls "
            + "(%d HTTP attempts), %d of them changes, in %d ms; list page size %d%n",
        session.counter().calls(),
        session.counter().attempts(),
        journal.size(),
        took.toMillis(),
        PAGE_SIZE);
  }

  @Test
  void aCallThatThePlanDoesNotHaveStopsTheRemovalBeforeItIsMade() {
    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());
    String masterBilling = "arn:aws:iam::" + account.id() + ":policy/IMMasterBilling";
    account.user("late-analyst", masterBilling); // attached after the plan was approved

    assertThatThrownBy(() -> cleanup().remove(plan, 1, journal::add))
        .isInstanceOfSatisfying(
            AccessRemovalPlanOutdatedException.class,
            outdated ->
                assertThat(outdated.changes())
                    .containsExactly(
                        "the call DetachUserPolicy late-analyst (policy IMMasterBilling) is not in"
                            + " it"));

    assertThat(account.attachedToUser("late-analyst")).containsExactly(masterBilling);
    assertThat(account.policyNames()).contains("IMMasterBilling");
    assertThat(journal)
        .extracting(AwsCall::entity)
        .doesNotContain("policy IMMasterBilling")
        .allMatch(entity -> plan.targets().anyMatch(target -> target.label().equals(entity)));
    assertThat(journal)
        .allMatch(
            call ->
                plan.calls()
                    .contains(
                        new AccessRemovalPlan.Call(call.entity(), call.action(), call.subject())));
  }

  @Test
  void aRunInterruptedHalfwayIsFinishedByTheNextRunWithoutErrors() {
    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());
    AtomicInteger made = new AtomicInteger();
    Consumer<AwsCall> crashingAtTheSeventhChange =
        call -> {
          if (made.incrementAndGet() == 7) {
            throw new IllegalStateException("the engine died here");
          }
        };
    assertThatThrownBy(() -> cleanup().remove(plan, 1, crashingAtTheSeventhChange))
        .hasMessage("the engine died here");
    assertThat(account.roleNames())
        .as("half done")
        .doesNotContain("IMBillingRole")
        .contains("CloudCheckr-CostOps");

    cleanup().remove(plan, 1, journal::add);

    assertThat(cleanup().discover(account.id(), session.roleArn()).isEmpty()).isTrue();
    assertThat(journal).extracting(AwsCall::outcome).doesNotContain(AwsCall.Outcome.FAILED);
    assertThat(journal)
        .filteredOn(call -> call.entity().equals("role IMBillingRole"))
        .singleElement()
        .extracting(AwsCall::outcome)
        .isEqualTo(AwsCall.Outcome.ALREADY_GONE);
  }

  @Test
  void throttlingServerErrorsAndIamSettlingAreRetriedUntilDone() {
    aws.fail("ListRoles", 2, 400, "Throttling");
    aws.fail("DeleteRole", 2, 503, "ServiceUnavailable");
    aws.fail("DetachRolePolicy", 1, 409, "ConcurrentModification");
    aws.fail("DeletePolicy", 1, 409, "DeleteConflict");

    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());
    cleanup().remove(plan, 1, journal::add);

    assertThat(cleanup().discover(account.id(), session.roleArn()).isEmpty()).isTrue();
    assertThat(session.counter().attempts()).isGreaterThan(session.counter().calls());
  }

  @Test
  void aServerThatKeepsFailingIsATechnicalFailureNotABusinessOne() {
    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());
    aws.fail("DeleteRole", -1, 500, "ServiceFailure");

    assertThatThrownBy(() -> cleanup().remove(plan, 1, journal::add))
        .isInstanceOf(AwsServiceException.class)
        .isNotInstanceOf(AccessRemovalBlockedException.class);
    assertThat(journal).last().extracting(AwsCall::outcome).isEqualTo(AwsCall.Outcome.FAILED);
  }

  @ParameterizedTest
  @CsvSource({"403, AccessDenied", "400, UnmodifiableEntity", "409, LimitExceeded"})
  void refusalsThatRetryingWillNotFixBlockWithWhatRemains(int status, String code) {
    AccessRemovalPlan plan = cleanup().discover(account.id(), session.roleArn());
    aws.fail("DeleteRolePolicy", -1, status, code);

    assertThatThrownBy(() -> cleanup().remove(plan, 1, journal::add))
        .isInstanceOfSatisfying(
            AccessRemovalBlockedException.class,
            blocked -> {
              assertThat(blocked.getMessage()).contains("role CloudCheckrRole").contains(code);
              assertThat(blocked.remaining())
                  .contains("role CloudCheckrRole", "policy IMMasterBilling")
                  .doesNotContain("role IMBillingRole");
            });
  }

  @Test
  void theRoleCannotBeAssumedWithoutThisOffboardingsExternalId() {
    assertThatThrownBy(() -> clients.assume(account.id(), "another-offboardings-id", "session"))
        .isInstanceOfSatisfying(
            StsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            });
  }

  private IamRemoval cleanup() {
    return new IamRemoval(
        session.iam(),
        new DistributorFootprint(properties(aws), new ObjectMapper()),
        Clock.systemUTC(),
        3,
        Duration.ofMillis(10));
  }

  private static AccessRemovalPlan.Target target(AccessRemovalPlan plan, String name) {
    return plan.targets().filter(target -> target.name().equals(name)).findFirst().orElseThrow();
  }

  static AccessRemovalProperties properties(FakeAws aws) {
    return new AccessRemovalProperties(
        true,
        FakeAws.ENGINE_PRINCIPAL,
        PayerAccounts.CLEANUP_ROLE,
        Duration.ofMinutes(15),
        "us-east-1",
        aws.endpoint(),
        aws.endpoint(),
        aws.endpoint(),
        aws.endpoint(),
        List.of("IMBillingRole", "CloudCheckr", "CloudCheckrRole", "CloudCheckr-Role"),
        List.of("IMMasterBilling", "CloudCheckr*"),
        Map.of("cloudcheckr", FakeAws.CLOUDCHECKR_ACCOUNT, "ingram-micro", FakeAws.INGRAM_ACCOUNT),
        5,
        3,
        Duration.ofMillis(10),
        AccessRemovalProperties.PlanApproval.REQUIRED);
  }
}
