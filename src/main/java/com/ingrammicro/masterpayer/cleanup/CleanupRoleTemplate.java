package com.ingrammicro.masterpayer.cleanup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudFormation template of the temporary cleanup role the reseller deploys in the payer
 * account: it trusts only the engine's principal, only with this offboarding's ExternalId, and may
 * only read IAM and CloudFormation and remove what the cleanup removes (roles, the distributor's
 * policies, stacks). It cannot change itself, nor delete the stack it was deployed with.
 */
final class CleanupRoleTemplate {

  private static final List<String> READ =
      List.of(
          "iam:ListRoles",
          "iam:GetRole",
          "iam:ListInstanceProfilesForRole",
          "iam:ListAttachedRolePolicies",
          "iam:ListRolePolicies",
          "iam:ListPolicies",
          "iam:ListEntitiesForPolicy",
          "iam:ListPolicyVersions");
  private static final List<String> REMOVE_ROLES =
      List.of(
          "iam:RemoveRoleFromInstanceProfile",
          "iam:DetachRolePolicy",
          "iam:DeleteRolePolicy",
          "iam:DeleteRolePermissionsBoundary",
          "iam:DeleteRole");

  /** The stacks of the distributor's footprint: found, read, their deletions followed. */
  private static final List<String> READ_STACKS =
      List.of(
          "cloudformation:DescribeStackResources",
          "cloudformation:DescribeStacks",
          "cloudformation:DescribeStackEvents");

  /** The stack the reseller deploys this role with (the cleanup-access instructions name it). */
  static final String CLEANUP_STACK = "ingram-micro-offboarding-cleanup";

  private CleanupRoleTemplate() {}

  static String roleArn(String accountId, String roleName) {
    return "arn:aws:iam::" + accountId + ":role/" + roleName;
  }

  static Map<String, Object> render(
      AccessRemovalProperties properties,
      String offboardingId,
      String payerAccountId,
      String externalId) {
    String account = "arn:aws:iam::" + payerAccountId + ":";
    String stacks = "arn:aws:cloudformation:*:" + payerAccountId + ":stack/";
    List<String> policyArns = new ArrayList<>();
    for (String name : properties.targetPolicyNames()) {
      policyArns.add(account + "policy/" + name);
      policyArns.add(account + "policy/*/" + name); // policies with a path
    }
    List<Object> statements =
        List.of(
            statement("ReadIam", "Allow", READ, List.of("*"), null),
            statement(
                "RemoveDistributorRoles",
                "Allow",
                REMOVE_ROLES,
                List.of(account + "role/*", account + "instance-profile/*"),
                null),
            statement(
                "RemoveDistributorPolicies",
                "Allow",
                List.of("iam:DeletePolicy", "iam:DeletePolicyVersion"),
                policyArns,
                null),
            statement(
                "DetachDistributorPolicies",
                "Allow",
                List.of("iam:DetachUserPolicy", "iam:DetachGroupPolicy"),
                List.of(account + "user/*", account + "group/*"),
                Map.of("ArnLike", Map.of("iam:PolicyARN", policyArns))),
            statement(
                "RemoveDistributorBoundaries",
                "Allow",
                List.of("iam:DeleteUserPermissionsBoundary"),
                List.of(account + "user/*"),
                Map.of("ArnLike", Map.of("iam:PermissionsBoundary", policyArns))),
            statement("ReadStacks", "Allow", READ_STACKS, List.of("*"), null),
            statement("ListBuckets", "Allow", List.of("s3:ListAllMyBuckets"), List.of("*"), null),
            statement(
                "ChangeDistributorGrantsInBucketPolicies",
                "Allow",
                List.of(
                    "s3:GetBucketLocation",
                    "s3:GetBucketPolicy",
                    "s3:PutBucketPolicy",
                    "s3:DeleteBucketPolicy"),
                List.of("arn:aws:s3:::*"),
                null),
            statement(
                "DeleteDistributorStacks",
                "Allow",
                List.of("cloudformation:DeleteStack"),
                List.of(stacks + "*/*"),
                null),
            statement(
                "NeverDeleteThisRolesStack",
                "Deny",
                List.of("cloudformation:DeleteStack"),
                List.of(stacks + CLEANUP_STACK + "/*"),
                null),
            statement(
                "NeverChangeThisRole",
                "Deny",
                List.of(
                    "iam:Delete*",
                    "iam:Detach*",
                    "iam:Remove*",
                    "iam:Put*",
                    "iam:Attach*",
                    "iam:Update*"),
                List.of(roleArn(payerAccountId, properties.roleName())),
                null));

    Map<String, Object> trust =
        Map.of(
            "Version",
            "2012-10-17",
            "Statement",
            List.of(
                statement(
                    "TrustTheOffboardingEngineForThisOffboardingOnly",
                    "Allow",
                    List.of("sts:AssumeRole"),
                    null,
                    Map.of("StringEquals", Map.of("sts:ExternalId", externalId)),
                    Map.of("AWS", properties.enginePrincipal()))));

    Map<String, Object> roleProperties = new LinkedHashMap<>();
    roleProperties.put("RoleName", properties.roleName());
    roleProperties.put(
        "Description",
        "Lets Ingram Micro's offboarding engine remove the distributor's access "
            + "(offboarding "
            + offboardingId
            + "). Delete this stack when the offboarding is completed.");
    roleProperties.put("MaxSessionDuration", 3600);
    roleProperties.put("AssumeRolePolicyDocument", trust);
    roleProperties.put(
        "Policies",
        List.of(
            Map.of(
                "PolicyName",
                "RemoveDistributorAccess",
                "PolicyDocument",
                Map.of("Version", "2012-10-17", "Statement", statements))));
    roleProperties.put(
        "Tags", List.of(Map.of("Key", "ingrammicro:offboarding-id", "Value", offboardingId)));

    Map<String, Object> template = new LinkedHashMap<>();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put(
        "Description",
        "Temporary role for the removal of Ingram Micro's access from payer account "
            + payerAccountId
            + " (offboarding "
            + offboardingId
            + ")");
    template.put(
        "Resources",
        Map.of(
            "OffboardingCleanupRole",
            Map.of("Type", "AWS::IAM::Role", "Properties", roleProperties)));
    template.put(
        "Outputs",
        Map.of(
            "RoleArn",
            Map.of("Value", Map.of("Fn::GetAtt", List.of("OffboardingCleanupRole", "Arn")))));
    return template;
  }

  private static Map<String, Object> statement(
      String sid,
      String effect,
      List<String> actions,
      List<String> resources,
      Map<String, Object> condition) {
    return statement(sid, effect, actions, resources, condition, null);
  }

  private static Map<String, Object> statement(
      String sid,
      String effect,
      List<String> actions,
      List<String> resources,
      Map<String, Object> condition,
      Map<String, Object> principal) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", effect);
    if (principal != null) {
      statement.put("Principal", principal);
    }
    statement.put("Action", actions);
    if (resources != null) {
      statement.put("Resource", resources);
    }
    if (condition != null) {
      statement.put("Condition", condition);
    }
    return statement;
  }
}
