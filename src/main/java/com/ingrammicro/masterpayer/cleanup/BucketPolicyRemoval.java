package com.ingrammicro.masterpayer.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Kind;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Step;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan.Target;
import com.ingrammicro.masterpayer.cleanup.AwsCall.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The distributor's grants in S3 bucket policies (CloudCheckr's onboarding, for one, gives its
 * account read access to the billing/CUR and CloudTrail buckets). Every bucket of the payer account
 * is looked at in its own region ({@code GetBucketLocation}); a statement whose AWS principal is a
 * distributor account is taken out, a statement that also names someone else loses only the
 * distributor's principals, every other statement stays exactly as it is; a policy left with no
 * statement is deleted. Each change is recorded with the policy before and after.
 */
final class BucketPolicyRemoval {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrossAccountSession session;
  private final DistributorFootprint footprint;
  private final Clock clock;

  BucketPolicyRemoval(CrossAccountSession session, DistributorFootprint footprint, Clock clock) {
    this.session = session;
    this.footprint = footprint;
    this.clock = clock;
  }

  /** A bucket's policy and what the distributor's part of it is. */
  private record Listing(String region, String policy, Change change) {}

  /**
   * The distributor's part of one policy: the policy without it (null when nothing is left), the
   * statements taken out whole, those that lose principals, and the accounts they grant.
   */
  private record Change(
      String after, List<String> removed, List<String> trimmed, Set<String> accounts) {

    boolean none() {
      return removed.isEmpty() && trimmed.isEmpty();
    }

    Step step(String bucket) {
      if (after == null) {
        return new Step("DeleteBucketPolicy", bucket);
      }
      List<String> parts = new ArrayList<>();
      if (!removed.isEmpty()) {
        parts.add("without " + String.join(", ", removed));
      }
      if (!trimmed.isEmpty()) {
        parts.add("without the distributor's principals of " + String.join(", ", trimmed));
      }
      return new Step("PutBucketPolicy", bucket + " " + String.join("; ", parts));
    }
  }

  // --- discovery -------------------------------------------------------------------------------

  AccessRemovalPlan assign(AccessRemovalPlan plan) {
    List<Target> targets = new ArrayList<>();
    List<String> warnings = new ArrayList<>(plan.warnings());
    for (Bucket bucket : s3("us-east-1").listBucketsPaginator(request -> {}).buckets()) {
      listing(bucket.name())
          .filter(listing -> !listing.change().none())
          .ifPresent(
              listing -> {
                Change change = listing.change();
                targets.add(
                    new Target(
                        Kind.BUCKET_POLICY,
                        bucket.name(),
                        "arn:aws:s3:::" + bucket.name(),
                        "its policy grants "
                            + String.join(", ", change.accounts())
                            + " (in "
                            + listing.region()
                            + ")",
                        List.of(change.step(bucket.name()))));
                if (change.after() == null) {
                  warnings.add(
                      "the policy of bucket "
                          + bucket.name()
                          + " only grants the distributor: it will be deleted");
                }
              });
    }
    return new AccessRemovalPlan(
        plan.payerAccountId(),
        plan.roleArn(),
        plan.discoveredAt(),
        plan.roles(),
        plan.policies(),
        plan.stacks(),
        targets,
        plan.skipped(),
        warnings);
  }

  /** The bucket's region and policy now; empty when the bucket or its policy does not exist. */
  private Optional<Listing> listing(String bucket) {
    try {
      String location =
          s3("us-east-1")
              .getBucketLocation(request -> request.bucket(bucket))
              .locationConstraintAsString();
      String region =
          location == null || location.isEmpty()
              ? "us-east-1"
              : location.equals("EU") ? "eu-west-1" : location;
      String policy = s3(region).getBucketPolicy(request -> request.bucket(bucket)).policy();
      return Optional.of(new Listing(region, policy, change(policy)));
    } catch (AwsServiceException e) {
      String code = AwsErrors.code(e);
      if ("NoSuchBucketPolicy".equals(code) || "NoSuchBucket".equals(code)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Change change(String policy) {
    JsonNode root;
    try {
      root = JSON.readTree(policy);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("S3 returned a bucket policy that is not JSON", e);
    }
    List<JsonNode> statements = elements(root.path("Statement"));
    ArrayNode kept = JSON.createArrayNode();
    List<String> removed = new ArrayList<>();
    List<String> trimmed = new ArrayList<>();
    Set<String> accounts = new LinkedHashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode statement = statements.get(i);
      String name =
          statement.hasNonNull("Sid")
              ? "statement " + statement.get("Sid").asText()
              : "statement #" + (i + 1);
      List<String> principals = new ArrayList<>();
      elements(statement.path("Principal").path("AWS")).forEach(p -> principals.add(p.asText()));
      List<String> distributors = new ArrayList<>();
      for (String principal : principals) {
        footprint
            .distributorAccount(principal)
            .ifPresent(
                account -> {
                  distributors.add(principal);
                  accounts.add(account);
                });
      }
      boolean onlyAws = statement.path("Principal").size() == 1;
      if (distributors.isEmpty()) {
        kept.add(statement);
      } else if (distributors.size() == principals.size() && onlyAws) {
        removed.add(name);
      } else {
        ObjectNode rest = statement.deepCopy();
        ArrayNode others = JSON.createArrayNode();
        principals.stream().filter(p -> !distributors.contains(p)).forEach(others::add);
        if (others.isEmpty()) {
          ((ObjectNode) rest.get("Principal")).remove("AWS");
        } else {
          ((ObjectNode) rest.get("Principal")).set("AWS", others);
        }
        kept.add(rest);
        trimmed.add(name);
      }
    }
    String after = null;
    if (!kept.isEmpty()) {
      ObjectNode without = root.deepCopy();
      without.set("Statement", kept);
      after = without.toString();
    }
    return new Change(after, removed, trimmed, accounts);
  }

  private static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> elements = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(elements::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      elements.add(node);
    }
    return elements;
  }

  // --- removal ---------------------------------------------------------------------------------

  /**
   * Takes the distributor's statements out of each planned bucket policy, listed again just before:
   * statements the customer changed meanwhile stay as they are now; a change the plan does not have
   * stops the removal before it is made.
   */
  void remove(AccessRemovalPlan plan, int round, Consumer<AwsCall> journal) {
    List<Target> buckets = plan.bucketPolicies();
    for (int i = 0; i < buckets.size(); i++) {
      Target target = buckets.get(i);
      List<String> remaining =
          buckets.subList(i, buckets.size()).stream().map(Target::label).toList();
      try {
        change(plan, round, target, journal);
      } catch (AwsServiceException e) {
        throw AwsErrors.blockingReason(e)
            .<RuntimeException>map(
                reason ->
                    new AccessRemovalBlockedException(
                        "AWS refused to change " + target.label() + ": " + reason, remaining))
            .orElse(e);
      }
    }
  }

  private void change(AccessRemovalPlan plan, int round, Target target, Consumer<AwsCall> journal) {
    String bucket = target.name();
    Optional<Listing> now = listing(bucket).filter(listing -> !listing.change().none());
    if (now.isEmpty()) {
      journal.accept(
          new AwsCall(
              target.label(),
              target.steps().get(0).action(),
              target.steps().get(0).subject(),
              Outcome.ALREADY_GONE,
              "NoSuchBucketPolicy",
              null,
              clock.instant()));
      return;
    }
    Listing listing = now.get();
    Step step = listing.change().step(bucket);
    if (!plan.allows(target, step)) {
      throw new AccessRemovalPlanOutdatedException(
          round, List.of(AccessRemovalPlanOutdatedException.notInPlan(target, step)));
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("region", listing.region());
    detail.put("before", listing.policy());
    detail.put("after", listing.change().after());
    String evidence;
    try {
      evidence = JSON.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    S3Client s3 = s3(listing.region());
    try {
      AwsResponse response =
          listing.change().after() == null
              ? s3.deleteBucketPolicy(request -> request.bucket(bucket))
              : s3.putBucketPolicy(
                  request -> request.bucket(bucket).policy(listing.change().after()));
      journal.accept(
          AwsCall.done(
              target, step, response.responseMetadata().requestId(), clock.instant(), evidence));
    } catch (AwsServiceException e) {
      journal.accept(AwsCall.answered(target, step, Outcome.FAILED, e, clock.instant(), evidence));
      throw e;
    }
  }

  private S3Client s3(String region) {
    return session.s3(region);
  }
}
