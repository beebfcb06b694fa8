package com.ingrammicro.masterpayer.support;

import com.ingrammicro.masterpayer.support.FakeAws.Account;
import com.ingrammicro.masterpayer.support.FakeAws.AwsError;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3's REST-XML protocol for {@link FakeAws}, path-style ({@code /<bucket>?policy}): {@code
 * ListBuckets}, {@code GetBucketLocation}, {@code GetBucketPolicy}, {@code PutBucketPolicy} and
 * {@code DeleteBucketPolicy} over the buckets of an account, with S3's documented errors ({@code
 * NoSuchBucket}, {@code NoSuchBucketPolicy}, {@code MalformedPolicy}) and its region rule: a
 * request signed for another region than the bucket's is refused with {@code
 * AuthorizationHeaderMalformed}, except {@code GetBucketLocation}.
 */
final class FakeS3 {

  static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private FakeS3() {}

  /** One bucket: its region and policy (JSON text, or null). */
  static final class Bucket {
    final String name;
    final String region;
    String policy;

    Bucket(String name, String region, String policy) {
      this.name = name;
      this.region = region;
      this.policy = policy;
    }
  }

  /** An answer: status, content type and body (empty for 204). */
  record Answer(int status, String contentType, String body) {}

  static Answer handle(Account account, String method, URI uri, String signedRegion, String body) {
    String path = uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    String bucketName = path.replaceFirst("^/", "").replaceFirst("/.*$", "");
    if (bucketName.isEmpty()) {
      if (!method.equals("GET")) {
        throw new AwsError(405, "MethodNotAllowed", "The specified method is not allowed");
      }
      return xml(200, listBuckets(account));
    }
    Bucket bucket = account.buckets.get(bucketName);
    if (bucket == null) {
      throw new AwsError(404, "NoSuchBucket", "The specified bucket does not exist");
    }
    if (query.startsWith("location") && method.equals("GET")) {
      return xml(
          200,
          "<LocationConstraint xmlns=\""
              + NS
              + "\">"
              + (bucket.region.equals("us-east-1") ? "" : bucket.region)
              + "</LocationConstraint>");
    }
    if (!bucket.region.equals(signedRegion)) {
      throw new AwsError(
          400,
          "AuthorizationHeaderMalformed",
          "The authorization header is malformed; the region '"
              + signedRegion
              + "' is wrong; expecting '"
              + bucket.region
              + "'");
    }
    if (!query.startsWith("policy")) {
      throw new AwsError(501, "NotImplemented", "This fake serves ?location and ?policy only");
    }
    return switch (method) {
      case "GET" -> {
        if (bucket.policy == null) {
          throw new AwsError(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
        }
        yield new Answer(200, "application/json", bucket.policy);
      }
      case "PUT" -> {
        if (!body.trim().startsWith("{") || !body.contains("\"Statement\"")) {
          throw new AwsError(400, "MalformedPolicy", "Policies must be valid JSON");
        }
        bucket.policy = body;
        yield new Answer(204, null, "");
      }
      case "DELETE" -> {
        bucket.policy = null;
        yield new Answer(204, null, "");
      }
      default -> throw new AwsError(405, "MethodNotAllowed", "The specified method is not allowed");
    };
  }

  private static String listBuckets(Account account) {
    StringBuilder buckets = new StringBuilder();
    for (Bucket bucket : account.buckets.values()) {
      buckets
          .append("<Bucket>")
          .append(FakeAws.el("Name", bucket.name))
          .append(FakeAws.el("CreationDate", "2024-01-01T00:00:00.000Z"))
          .append("</Bucket>");
    }
    return "<ListAllMyBucketsResult xmlns=\""
        + NS
        + "\"><Owner><ID>"
        + account.id
        + "</ID></Owner><Buckets>"
        + buckets
        + "</Buckets></ListAllMyBucketsResult>";
  }

  private static Answer xml(int status, String body) {
    return new Answer(status, "application/xml", body);
  }

  /** S3's error document. */
  static String error(AwsError e, String requestId) {
    return "<Error>"
        + FakeAws.el("Code", e.code)
        + FakeAws.el("Message", e.getMessage())
        + FakeAws.el("RequestId", requestId)
        + "</Error>";
  }

  static Map<String, Bucket> newBuckets() {
    return new LinkedHashMap<>();
  }
}
