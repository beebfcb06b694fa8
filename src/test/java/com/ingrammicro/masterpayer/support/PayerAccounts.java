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
 * role, which must stay. More roles than fit on one page.
 */
public final class PayerAccounts {

  public static final String CLEANUP_ROLE = "IngramMicroOffboardingCleanup";

  /** What the cleanup must remove. */
  public static final Set<String> DISTRIBUTOR_ROLES =
      Set.of("IMBillingRole", "CloudCheckrRole", "CloudCheckr-CostOps");

  public static final Set<String> DISTRIBUTOR_POLICIES =
      Set.of("IMMasterBilling", "CloudCheckrCostPolicy", "CloudCheckrBoundary");

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
    for (int i = 1; i <= WORKLOAD_ROLES; i++) {
      account.role("/workloads/", "workload-" + i, serviceTrust("lambda.amazonaws.com"));
    }
    return account;
  }
}
