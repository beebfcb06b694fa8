package com.ingrammicro.masterpayer.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.PayerAccounts;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The distributor's grants in the seeded account's bucket policies, through the real AWS SDK over
 * HTTP (S3's REST-XML protocol, path-style, each bucket in its region): exactly the distributor's
 * statements go, every other statement stays as it was, a policy left empty is deleted.
 */
class BucketPolicyRemovalTest extends SeededAccountTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void exactlyTheDistributorsStatementsGoAndAPolicyLeftEmptyIsDeleted() throws Exception {
    String cur = PayerAccounts.curBucket(account.id());
    String trail = PayerAccounts.cloudTrailBucket(account.id());
    JsonNode before = JSON.readTree(account.bucketPolicy(cur));

    AccessRemovalPlan plan = plan();

    assertThat(plan.bucketPolicies())
        .extracting(AccessRemovalPlan.Target::label, target -> target.steps().get(0))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "bucket policy " + cur,
                new AccessRemovalPlan.Step(
                    "PutBucketPolicy", cur + " without statement CloudCheckrReadCur")),
            org.assertj.core.groups.Tuple.tuple(
                "bucket policy " + trail, new AccessRemovalPlan.Step("DeleteBucketPolicy", trail)));
    assertThat(plan.bucketPolicies())
        .allSatisfy(
            target -> assertThat(target.reason()).contains("grants cloudcheckr (352813966189)"));
    assertThat(plan.bucketPolicies())
        .filteredOn(target -> target.name().equals(trail))
        .singleElement()
        .satisfies(target -> assertThat(target.reason()).contains("in eu-west-1"));

    new BucketPolicyRemoval(session, footprint(), Clock.systemUTC()).remove(plan, 1, journal::add);

    JsonNode after = JSON.readTree(account.bucketPolicy(cur));
    assertThat(after.path("Statement"))
        .as("the customer's statements, exactly as they were")
        .containsExactly(before.path("Statement").get(0), before.path("Statement").get(2));
    assertThat(account.bucketPolicy(trail)).isNull();
    assertThat(journal)
        .allSatisfy(
            call -> {
              assertThat(call.outcome()).isEqualTo(AwsCall.Outcome.DONE);
              assertThat(call.requestId()).isNotBlank();
              assertThat(JSON.readTree(call.detail()).path("before").asText())
                  .contains("CloudCheckr");
            });
    assertThat(journal)
        .filteredOn(call -> call.action().equals("PutBucketPolicy"))
        .singleElement()
        .satisfies(
            call ->
                assertThat(JSON.readTree(JSON.readTree(call.detail()).path("after").asText()))
                    .isEqualTo(after));

    journal.clear();
    new BucketPolicyRemoval(session, footprint(), Clock.systemUTC()).remove(plan, 1, journal::add);
    assertThat(journal)
        .as("a second run finds nothing left to take out")
        .extracting(AwsCall::outcome)
        .containsOnly(AwsCall.Outcome.ALREADY_GONE);
  }

  @Test
  void aStatementThatAlsoGrantsTheCustomerLosesOnlyTheDistributorsPrincipal() throws Exception {
    String shared = account.id() + "-shared-exports";
    account.bucket(
        shared,
        "us-west-2",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadExports\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":[\"arn:aws:iam::"
            + FakeAws.CLOUDCHECKR_ACCOUNT
            + ":root\",\"arn:aws:iam::"
            + account.id()
            + ":root\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
            + shared
            + "/*\"}]}");

    AccessRemovalPlan plan = plan();
    new BucketPolicyRemoval(session, footprint(), Clock.systemUTC()).remove(plan, 1, journal::add);

    JsonNode statement = JSON.readTree(account.bucketPolicy(shared)).path("Statement").get(0);
    assertThat(statement.path("Sid").asText()).isEqualTo("ReadExports");
    assertThat(statement.path("Principal").path("AWS"))
        .extracting(JsonNode::asText)
        .containsExactly("arn:aws:iam::" + account.id() + ":root");
  }

  private AccessRemovalPlan plan() {
    IamRemoval iam =
        new IamRemoval(
            session.iam(), footprint(), Clock.systemUTC(), 3, java.time.Duration.ofMillis(10));
    return new BucketPolicyRemoval(session, footprint(), Clock.systemUTC())
        .assign(iam.discover(account.id(), session.roleArn()));
  }

  private static DistributorFootprint footprint() {
    return new DistributorFootprint(IamRemovalTest.properties(aws), new ObjectMapper());
  }
}
