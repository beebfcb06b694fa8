package com.ingrammicro.masterpayer.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The stacks of the distributor's footprint against the seeded payer account, through the real AWS
 * SDK over HTTP (CloudFormation's Query protocol): which stack goes as a whole, which stays and
 * drifts, what only a StackSet's owner may remove, and a deletion that fails.
 */
class StackRemovalTest extends SeededAccountTest {

  @Test
  void aStackOfOnlyTheDistributorsRoleAndPolicyIsDeletedWholeAndAMixedOneStaysDrifted() {
    AccessRemovalPlan plan = plan();

    assertThat(plan.stacks())
        .singleElement()
        .satisfies(
            stack -> {
              assertThat(stack.label()).isEqualTo("stack " + PayerAccounts.CLOUDCHECKR_STACK);
              assertThat(stack.steps())
                  .containsExactly(
                      new AccessRemovalPlan.Step("DeleteStack", PayerAccounts.CLOUDCHECKR_STACK));
              assertThat(stack.reason())
                  .isEqualTo(
                      "holds only the distributor's role CloudCheckr-API, policy CloudCheckrApiPolicy");
            });
    assertThat(plan.roles())
        .extracting(AccessRemovalPlan.Target::name)
        .as("the stack's role goes with the stack, IMBillingRole by itself")
        .doesNotContain(PayerAccounts.CLOUDCHECKR_STACK_ROLE)
        .contains("IMBillingRole");
    assertThat(plan.skipped())
        .filteredOn(skip -> skip.kind() == AccessRemovalPlan.Kind.STACK)
        .singleElement()
        .satisfies(
            mixed -> {
              assertThat(mixed.name()).isEqualTo(PayerAccounts.MIXED_STACK);
              assertThat(mixed.reason())
                  .contains("customer's resources too", "ReportsTopic (AWS::SNS::Topic");
            });
    assertThat(plan.warnings())
        .contains(
            "stack cc-iam-stack-api will be deleted as a whole, with role CloudCheckr-API, policy"
                + " CloudCheckrApiPolicy",
            "removing role IMBillingRole from stack billing-integration leaves the stack drifted:"
                + " its owner should take them out of its template");

    new StackRemoval(session, Clock.systemUTC(), Duration.ofMillis(20)).remove(plan, journal::add);

    assertThat(account.stackStatus(PayerAccounts.CLOUDCHECKR_STACK)).isEqualTo("DELETE_COMPLETE");
    assertThat(account.stackStatus(PayerAccounts.MIXED_STACK)).isEqualTo("CREATE_COMPLETE");
    assertThat(account.roleNames()).doesNotContain(PayerAccounts.CLOUDCHECKR_STACK_ROLE);
    assertThat(account.policyNames()).doesNotContain(PayerAccounts.CLOUDCHECKR_STACK_POLICY);
    assertThat(journal)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.action()).isEqualTo("DeleteStack");
              assertThat(call.outcome()).isEqualTo(AwsCall.Outcome.DONE);
              assertThat(call.requestId()).isNotBlank();
              assertThat(call.detail())
                  .contains(
                      "CloudCheckrRole AWS::IAM::Role DELETE_COMPLETE",
                      "cc-iam-stack-api AWS::CloudFormation::Stack DELETE_COMPLETE");
            });

    // a run after a crash finds the stack gone and says so
    journal.clear();
    new StackRemoval(session, Clock.systemUTC(), Duration.ofMillis(20)).remove(plan, journal::add);
    assertThat(journal)
        .singleElement()
        .extracting(AwsCall::outcome)
        .isEqualTo(AwsCall.Outcome.ALREADY_GONE);
  }

  @Test
  void aStackDeletionThatFailsHandsOverWithTheStacksEvents() {
    AccessRemovalPlan plan = plan();
    account.failStackDeletion(
        PayerAccounts.CLOUDCHECKR_STACK,
        "Role CloudCheckr-API is protected by a service control policy");

    assertThatThrownBy(
            () ->
                new StackRemoval(session, Clock.systemUTC(), Duration.ofMillis(20))
                    .remove(plan, journal::add))
        .isInstanceOfSatisfying(
            AccessRemovalBlockedException.class,
            blocked -> {
              assertThat(blocked.getMessage())
                  .contains(
                      "could not delete stack cc-iam-stack-api (DELETE_FAILED)",
                      "protected by a service control policy");
              assertThat(blocked.remaining()).containsExactly("stack cc-iam-stack-api");
            });
    assertThat(journal)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.outcome()).isEqualTo(AwsCall.Outcome.FAILED);
              assertThat(call.errorCode()).isEqualTo("DELETE_FAILED");
              assertThat(call.detail()).contains("DELETE_FAILED");
            });
    assertThat(account.roleNames()).contains(PayerAccounts.CLOUDCHECKR_STACK_ROLE);
  }

  @Test
  void aStackSetInstanceIsLeftForTheStackSetsOwner() {
    PayerAccounts.withStackSet(account);

    AccessRemovalPlan plan = plan();

    assertThat(plan.roles())
        .extracting(AccessRemovalPlan.Target::name)
        .doesNotContain(PayerAccounts.STACK_SET_ROLE);
    assertThat(plan.skipped())
        .filteredOn(skip -> skip.name().equals(PayerAccounts.STACK_SET_ROLE))
        .singleElement()
        .satisfies(
            skip -> assertThat(skip.reason()).contains("only the StackSet's owner can remove it"));
    assertThat(plan.warnings())
        .anySatisfy(
            warning ->
                assertThat(warning)
                    .startsWith("StackSet instance " + PayerAccounts.STACK_SET_INSTANCE)
                    .contains("role " + PayerAccounts.STACK_SET_ROLE));
  }

  private AccessRemovalPlan plan() {
    IamRemoval iam =
        new IamRemoval(
            session.iam(),
            new DistributorFootprint(IamRemovalTest.properties(aws), new ObjectMapper()),
            Clock.systemUTC(),
            3,
            Duration.ofMillis(10));
    return new StackRemoval(session, Clock.systemUTC(), Duration.ofMillis(20))
        .assign(iam.discover(account.id(), session.roleArn()));
  }
}
