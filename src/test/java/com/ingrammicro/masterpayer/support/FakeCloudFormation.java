package com.ingrammicro.masterpayer.support;

import com.ingrammicro.masterpayer.support.FakeAws.Account;
import com.ingrammicro.masterpayer.support.FakeAws.AwsError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * CloudFormation's Query protocol for {@link FakeAws}: {@code DescribeStackResources}, {@code
 * DescribeStacks}, {@code DeleteStack} and {@code DescribeStackEvents} over the stacks of an
 * account, with the documented {@code ValidationError} for a stack that does not exist. A deletion
 * is asynchronous as in AWS: {@code DELETE_IN_PROGRESS} until the next {@code DescribeStacks}, then
 * {@code DELETE_COMPLETE} (its IAM resources gone) or {@code DELETE_FAILED} when a resource is
 * still used outside the stack or a failure was injected ({@link Stack#failDeletion}).
 */
final class FakeCloudFormation {

  static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  private FakeCloudFormation() {}

  /** One stack of an account. */
  static final class Stack {
    final String name;
    final String id;
    final String region;
    final List<Resource> resources = new ArrayList<>();
    final List<String> events = new ArrayList<>(); // member XML, newest first
    String status = "CREATE_COMPLETE";
    String statusReason;
    String failDeletion;

    Stack(String accountId, String region, String name) {
      this.name = name;
      this.region = region;
      this.id =
          "arn:aws:cloudformation:"
              + region
              + ":"
              + accountId
              + ":stack/"
              + name
              + "/"
              + UUID.nameUUIDFromBytes((accountId + name).getBytes());
    }

    boolean deleted() {
      return status.equals("DELETE_COMPLETE");
    }
  }

  /** A resource of a stack: its logical id, type and physical id (role name, policy ARN…). */
  record Resource(String logicalId, String type, String physicalId) {}

  static String handle(Account account, String action, Map<String, String> p) {
    return switch (action) {
      case "DescribeStackResources" -> describeStackResources(account, p);
      case "DescribeStacks" -> describeStacks(account, p);
      case "DeleteStack" -> deleteStack(account, p);
      case "DescribeStackEvents" -> describeStackEvents(account, p);
      default -> throw new AwsError(400, "InvalidAction", "Unsupported action " + action);
    };
  }

  private static String describeStackResources(Account account, Map<String, String> p) {
    Stack stack;
    if (p.containsKey("PhysicalResourceId")) {
      String physical = p.get("PhysicalResourceId");
      stack =
          account.stacks.values().stream()
              .filter(s -> !s.deleted())
              .filter(s -> s.resources.stream().anyMatch(r -> r.physicalId().equals(physical)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AwsError(
                          400, "ValidationError", "Stack for " + physical + " does not exist"));
    } else {
      stack = stack(account, p.get("StackName"), false);
    }
    StringBuilder members = new StringBuilder();
    for (Resource resource : stack.resources) {
      members
          .append("<member>")
          .append(FakeAws.el("StackName", stack.name))
          .append(FakeAws.el("StackId", stack.id))
          .append(FakeAws.el("LogicalResourceId", resource.logicalId()))
          .append(FakeAws.el("PhysicalResourceId", resource.physicalId()))
          .append(FakeAws.el("ResourceType", resource.type()))
          .append(FakeAws.el("Timestamp", "2024-01-01T00:00:00Z"))
          .append(FakeAws.el("ResourceStatus", "CREATE_COMPLETE"))
          .append("</member>");
    }
    return "<StackResources>" + members + "</StackResources>";
  }

  private static String describeStacks(Account account, Map<String, String> p) {
    List<Stack> stacks = new ArrayList<>();
    if (p.containsKey("StackName")) {
      stacks.add(stack(account, p.get("StackName"), true));
    } else {
      account.stacks.values().stream().filter(s -> !s.deleted()).forEach(stacks::add);
    }
    StringBuilder members = new StringBuilder();
    for (Stack stack : stacks) {
      if (stack.status.equals("DELETE_IN_PROGRESS")) {
        finishDeletion(account, stack); // the next look finds it done, as a short deletion is
      }
      members
          .append("<member>")
          .append(FakeAws.el("StackName", stack.name))
          .append(FakeAws.el("StackId", stack.id))
          .append(FakeAws.el("CreationTime", "2024-01-01T00:00:00Z"))
          .append(FakeAws.el("StackStatus", stack.status))
          .append(
              stack.statusReason == null ? "" : FakeAws.el("StackStatusReason", stack.statusReason))
          .append("</member>");
    }
    return "<Stacks>" + members + "</Stacks>";
  }

  private static String deleteStack(Account account, Map<String, String> p) {
    Stack stack = find(account, p.get("StackName"), false);
    if (stack == null || stack.deleted()) {
      return ""; // as AWS: deleting a stack that does not exist succeeds
    }
    stack.status = "DELETE_IN_PROGRESS";
    stack.statusReason = "User Initiated";
    event(
        stack,
        stack.name,
        "AWS::CloudFormation::Stack",
        stack.id,
        "DELETE_IN_PROGRESS",
        "User Initiated");
    return "";
  }

  private static void finishDeletion(Account account, Stack stack) {
    String failure = stack.failDeletion;
    for (Resource resource : stack.resources) {
      if (failure == null && resource.type().equals("AWS::IAM::ManagedPolicy")) {
        List<String> users = account.usesOutside(resource.physicalId(), stack);
        if (!users.isEmpty()) {
          failure =
              "Cannot delete entity, must detach all policies first: "
                  + resource.physicalId()
                  + " is attached to "
                  + String.join(", ", users);
        }
      }
    }
    if (failure != null) {
      for (Resource resource : stack.resources) {
        event(
            stack,
            resource.logicalId(),
            resource.type(),
            resource.physicalId(),
            "DELETE_FAILED",
            failure);
      }
      stack.status = "DELETE_FAILED";
      stack.statusReason = "The following resource(s) failed to delete: " + logicalIds(stack);
      event(
          stack,
          stack.name,
          "AWS::CloudFormation::Stack",
          stack.id,
          "DELETE_FAILED",
          stack.statusReason);
      return;
    }
    for (Resource resource : stack.resources) {
      account.deleteStackResource(resource);
      event(
          stack,
          resource.logicalId(),
          resource.type(),
          resource.physicalId(),
          "DELETE_COMPLETE",
          null);
    }
    stack.status = "DELETE_COMPLETE";
    stack.statusReason = null;
    event(stack, stack.name, "AWS::CloudFormation::Stack", stack.id, "DELETE_COMPLETE", null);
  }

  private static String logicalIds(Stack stack) {
    return String.join(", ", stack.resources.stream().map(Resource::logicalId).toList());
  }

  private static String describeStackEvents(Account account, Map<String, String> p) {
    Stack stack = stack(account, p.get("StackName"), true);
    return "<StackEvents>" + String.join("", stack.events) + "</StackEvents>";
  }

  private static void event(
      Stack stack, String logicalId, String type, String physicalId, String status, String reason) {
    stack.events.add(
        0,
        "<member>"
            + FakeAws.el("StackId", stack.id)
            + FakeAws.el("EventId", UUID.randomUUID().toString())
            + FakeAws.el("StackName", stack.name)
            + FakeAws.el("LogicalResourceId", logicalId)
            + FakeAws.el("PhysicalResourceId", physicalId)
            + FakeAws.el("ResourceType", type)
            + FakeAws.el("Timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
            + FakeAws.el("ResourceStatus", status)
            + (reason == null ? "" : FakeAws.el("ResourceStatusReason", reason))
            + "</member>");
  }

  /** By name (a live stack) or by id (deleted ones too, as AWS answers). */
  private static Stack stack(Account account, String nameOrId, boolean deletedById) {
    Stack stack = find(account, nameOrId, deletedById);
    if (stack == null) {
      throw new AwsError(400, "ValidationError", "Stack with id " + nameOrId + " does not exist");
    }
    return stack;
  }

  private static Stack find(Account account, String nameOrId, boolean deletedById) {
    if (nameOrId == null) {
      return null;
    }
    for (Stack stack : account.stacks.values()) {
      if (stack.id.equals(nameOrId) && (deletedById || !stack.deleted())) {
        return stack;
      }
      if (stack.name.toLowerCase(Locale.ROOT).equals(nameOrId.toLowerCase(Locale.ROOT))
          && !stack.deleted()) {
        return stack;
      }
    }
    return null;
  }
}
