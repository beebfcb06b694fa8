package com.ingrammicro.masterpayer.support;

import static com.ingrammicro.masterpayer.support.FakeAws.CLOUDCHECKR_ACCOUNT;
import static com.ingrammicro.masterpayer.support.FakeAws.INGRAM_ACCOUNT;
import static com.ingrammicro.masterpayer.support.FakeAws.serviceTrust;
import static com.ingrammicro.masterpayer.support.FakeAws.trust;

import java.util.Set;

/**
 * A payer account as the distributor leaves it behind: IMBillingRole with IMMasterBilling and
 * AWS-managed policies, a CloudCheckr role with inline policies, another (found by its trust
 * policy) with managed policies, an instance profile and a permissions boundary, the distributor's
 * policies also on a user and a group, and the customer's own roles, policies and a service-linked
 * role, which must stay. More roles than fit on one page. CloudFormation: CloudCheckr's onboarding
 * stack holding only its role and policy, and the customer's stack that also made IMBillingRole.
 * S3: a CUR bucket whose policy grants CloudCheckr beside the customer's own statements, a
 * CloudTrail bucket in another region whose policy only grants CloudCheckr, a bucket without
 * policy.
 */
public final class PayerAccounts {

  public static final String CLEANUP_ROLE = "IngramMicroOffboardingCleanup";

  /** What the cleanup must remove. */
  public static final Set<String> DISTRIBUTOR_ROLES =
      Set.of("IMBillingRole", "CloudCheckrRole", "CloudCheckr-CostOps");

  public static final Set<String> DISTRIBUTOR_POLICIES =
      Set.of("IMMasterBilling", "CloudCheckrCostPolicy", "CloudCheckrBoundary");

  /** CloudCheckr's onboarding stack, which holds only its role and policy: deleted as a whole. */
  public static final String CLOUDCHECKR_STACK = "cc-iam-stack-api";

  public static final String CLOUDCHECKR_STACK_ROLE = "CloudCheckr-API";
  public static final String CLOUDCHECKR_STACK_POLICY = "CloudCheckrApiPolicy";

  /** The customer's stack that also made IMBillingRole: it stays, IMBillingRole goes. */
  public static final String MIXED_STACK = "billing-integration";

  /** A StackSet instance of CloudCheckr's Control Tower onboarding (see {@link #withStackSet}). */
  public static final String STACK_SET_INSTANCE =
      "StackSet-CloudCheckr-ControlTower-StackSet-5e2a7c1d-9f3b-4d8e-a6b0-1c2d3e4f5a6b";

  public static final String STACK_SET_ROLE = "CloudCheckr-ControlTower";

  /** The billing/CUR bucket: the customer's own statements beside CloudCheckr's read access. */
  public static String curBucket(String accountId) {
    return accountId + "-cur-reports";
  }

  /** CloudCheckr's CloudTrail bucket, in another region, whose policy only grants CloudCheckr. */
  public static String cloudTrailBucket(String accountId) {
    return accountId + "-cloudtrail-cloudcheckr";
  }

  /** The customer's statements of the CUR bucket's policy, which must stay exactly as they are. */
  public static final String CUR_DELIVERY_STATEMENT =
      "{\"Sid\":\"AllowCurDelivery\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
          + "\"billingreports.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":"
          + "\"arn:aws:s3:::%s/*\"}";

  public static final String CUSTOMER_ANALYTICS_STATEMENT =
      "{\"Sid\":\"CustomerAnalytics\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::%s:role/AppServerRole\"},\"Action\":\"s3:GetObject\",\"Resource\":"
          + "\"arn:aws:s3:::%s/*\"}";

  static String cloudCheckrRead(String sid, String bucket) {
    return "{\"Sid\":\""
        + sid
        + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
        + CLOUDCHECKR_ACCOUNT
        + ":root\"},\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::"
        + bucket
        + "\",\"arn:aws:s3:::"
        + bucket
        + "/*\"]}";
  }

  static String policy(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  /** The customer's own, which must stay. */
  public static final Set<String> CUSTOMER_ROLES =
      Set.of("AppServerRole", "CustomerAdmin", "CloudCheckr", CLEANUP_ROLE);

  public static final int WORKLOAD_ROLES = 24;

  private PayerAccounts() {}

  /**
   * Seeds the account; the cleanup role requires {@code externalId} (null: the role is already
   * deployed, as the reseller did through the API).
   */
  public static FakeAws.Account seed(FakeAws.Account account, String externalId) {
    if (externalId != null) {
      account.withCleanupRole(CLEANUP_ROLE, externalId);
    }
    String billing = account.awsManagedPolicy("job-function/Billing");
    String support = account.awsManagedPolicy("AWSSupportAccess");
    String readOnly = account.awsManagedPolicy("ReadOnlyAccess");
    String masterBilling = account.policy("IMMasterBilling", 3);
    String costPolicy = account.policy("CloudCheckrCostPolicy", 1);
    String boundary = account.policy("CloudCheckrBoundary", 2);
    String appPolicy = account.policy("AppPolicy", 2);

    account
        .role("/", "IMBillingRole", trust("arn:aws:iam::" + INGRAM_ACCOUNT + ":root"))
        .attachToRole("IMBillingRole", masterBilling)
        .attachToRole("IMBillingRole", billing)
        .attachToRole("IMBillingRole", support)
        .lastUsed("IMBillingRole", "2026-11-20T08:15:00Z", "us-east-1");
    account
        .role("/", "CloudCheckrRole", trust(CLOUDCHECKR_ACCOUNT))
        .inlinePolicy("CloudCheckrRole", "CloudCheckr-Inventory")
        .inlinePolicy("CloudCheckrRole", "CloudCheckr-CloudTrail");
    // not named like CloudCheckr's roles: found by its trust policy
    account
        .role(
            "/partners/",
            "CloudCheckr-CostOps",
            trust("arn:aws:iam::" + CLOUDCHECKR_ACCOUNT + ":role/cloudcheckr-app"))
        .attachToRole("CloudCheckr-CostOps", costPolicy)
        .attachToRole("CloudCheckr-CostOps", readOnly)
        .boundary("CloudCheckr-CostOps", boundary)
        .instanceProfile("cloudcheckr-collector", "CloudCheckr-CostOps");

    // the distributor's policies used elsewhere: detach, do not delete the holders
    account
        .user("finance-analyst", masterBilling, readOnly)
        .group("billing-team", masterBilling)
        .user("cost-robot", costPolicy)
        .userBoundary("cost-robot", boundary);

    // the customer's own: untouched
    account
        .role("/", "AppServerRole", serviceTrust("ec2.amazonaws.com"))
        .attachToRole("AppServerRole", appPolicy)
        .attachToRole("AppServerRole", readOnly)
        .instanceProfile("app-server", "AppServerRole");
    account
        .role("/", "CustomerAdmin", trust("arn:aws:iam::999999999999:root"))
        .attachToRole("CustomerAdmin", readOnly);
    // named like a CloudCheckr role, but service-linked: AWS manages it
    account.role(
        "/aws-service-role/cloudcheckr.example.com/",
        "CloudCheckr",
        serviceTrust("cloudcheckr.example.com"));
    // CloudCheckr's onboarding stack: only its role and policy
    String apiPolicy = account.policy(CLOUDCHECKR_STACK_POLICY, 1);
    account
        .role("/", CLOUDCHECKR_STACK_ROLE, trust("arn:aws:iam::" + CLOUDCHECKR_ACCOUNT + ":root"))
        .attachToRole(CLOUDCHECKR_STACK_ROLE, apiPolicy)
        .stack("us-east-1", CLOUDCHECKR_STACK)
        .stackResource(
            CLOUDCHECKR_STACK, "CloudCheckrRole", "AWS::IAM::Role", CLOUDCHECKR_STACK_ROLE)
        .stackResource(
            CLOUDCHECKR_STACK, "CloudCheckrPolicy", "AWS::IAM::ManagedPolicy", apiPolicy);
    // the customer's billing integration, whose stack also made IMBillingRole
    account
        .stack("us-east-1", MIXED_STACK)
        .stackResource(
            MIXED_STACK,
            "ReportsTopic",
            "AWS::SNS::Topic",
            "arn:aws:sns:us-east-1:" + account.id() + ":billing-reports")
        .stackResource(MIXED_STACK, "DistributorBillingRole", "AWS::IAM::Role", "IMBillingRole");
    // S3: CloudCheckr's read access to the CUR and CloudTrail buckets, by bucket policy
    String cur = curBucket(account.id());
    account.bucket(
        cur,
        "us-east-1",
        policy(
            CUR_DELIVERY_STATEMENT.formatted(cur),
            cloudCheckrRead("CloudCheckrReadCur", cur),
            CUSTOMER_ANALYTICS_STATEMENT.formatted(account.id(), cur)));
    String trail = cloudTrailBucket(account.id());
    account.bucket(trail, "eu-west-1", policy(cloudCheckrRead("CloudCheckrReadCloudTrail", trail)));
    account.bucket(account.id() + "-app-assets", "eu-central-1", null);
    for (int i = 1; i <= WORKLOAD_ROLES; i++) {
      account.role("/workloads/", "workload-" + i, serviceTrust("lambda.amazonaws.com"));
    }
    return account;
  }

  /**
   * CloudCheckr's Control Tower StackSet has an instance in the account: its role only the
   * StackSet's owner removes.
   */
  public static FakeAws.Account withStackSet(FakeAws.Account account) {
    return account
        .role("/", STACK_SET_ROLE, trust("arn:aws:iam::" + CLOUDCHECKR_ACCOUNT + ":root"))
        .stack("us-east-1", STACK_SET_INSTANCE)
        .stackResource(STACK_SET_INSTANCE, "CloudCheckrRole", "AWS::IAM::Role", STACK_SET_ROLE);
  }
}
