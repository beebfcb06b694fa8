package com.ingrammicro.masterpayer.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which IAM entities are the distributor's: roles by name or by a trust policy that names a
 * distributor account, customer-managed policies by name. Service-linked roles and the cleanup role
 * itself never are.
 */
final class DistributorFootprint {

  private static final String SERVICE_LINKED_PATH = "/aws-service-role/";

  private final List<String> roleNames;
  private final List<Pattern> policyNames;
  private final Map<String, String> accounts;
  private final String cleanupRoleName;
  private final ObjectMapper json;

  DistributorFootprint(AccessRemovalProperties properties, ObjectMapper json) {
    this.roleNames =
        properties.targetRoleNames().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    this.policyNames =
        properties.targetPolicyNames().stream().map(DistributorFootprint::glob).toList();
    this.accounts = properties.distributorAccounts();
    this.cleanupRoleName = properties.roleName();
    this.json = json;
  }

  /** Why a role is the distributor's, or empty when it is not. */
  Optional<String> roleReason(String roleName, String encodedTrustPolicy) {
    if (roleNames.contains(roleName.toLowerCase(Locale.ROOT))) {
      return Optional.of("named " + roleName);
    }
    return trustedDistributorAccount(encodedTrustPolicy)
        .map(account -> "trusts the distributor account " + account);
  }

  /** Why a role that matched is left alone, or empty when it may be removed. */
  Optional<String> protectedRole(String roleName, String path) {
    if (path != null && path.startsWith(SERVICE_LINKED_PATH)) {
      return Optional.of("service-linked role: AWS manages it");
    }
    if (roleName.equalsIgnoreCase(cleanupRoleName)) {
      return Optional.of(
          "the cleanup role this engine works through; the reseller deletes it afterwards");
    }
    return Optional.empty();
  }

  Optional<String> policyReason(String policyName) {
    return policyNames.stream()
        .filter(pattern -> pattern.matcher(policyName).matches())
        .findFirst()
        .map(pattern -> "named " + policyName);
  }

  /** The distributor accounts, as "name (id)", that a trust policy lets assume the role. */
  private Optional<String> trustedDistributorAccount(String encodedTrustPolicy) {
    if (encodedTrustPolicy == null || encodedTrustPolicy.isBlank()) {
      return Optional.empty();
    }
    List<String> principals = awsPrincipals(encodedTrustPolicy);
    List<String> trusted =
        accounts.entrySet().stream()
            .filter(
                account ->
                    principals.stream().anyMatch(principal -> names(principal, account.getValue())))
            .map(account -> account.getKey() + " (" + account.getValue() + ")")
            .toList();
    return trusted.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", trusted));
  }

  /** The distributor account, as "name (id)", that an AWS principal belongs to; empty if none. */
  Optional<String> distributorAccount(String principal) {
    return accounts.entrySet().stream()
        .filter(account -> names(principal, account.getValue()))
        .map(account -> account.getKey() + " (" + account.getValue() + ")")
        .findFirst();
  }

  private static boolean names(String principal, String accountId) {
    return principal.equals(accountId)
        || principal.matches("arn:aws[a-z-]*:(iam|sts)::" + accountId + ":.*");
  }

  /** IAM returns policy documents URL-encoded (RFC 3986). */
  private List<String> awsPrincipals(String encodedTrustPolicy) {
    String document = URLDecoder.decode(encodedTrustPolicy, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = json.readTree(document);
    } catch (IOException e) {
      throw new IllegalStateException("IAM returned a trust policy that is not JSON", e);
    }
    List<String> principals = new ArrayList<>();
    for (JsonNode statement : elements(root.path("Statement"))) {
      if ("Allow".equals(statement.path("Effect").asText())) {
        for (JsonNode principal : elements(statement.path("Principal").path("AWS"))) {
          principals.add(principal.asText());
        }
      }
    }
    return principals;
  }

  /** IAM lets a single value stand where a list may. */
  private static List<JsonNode> elements(JsonNode node) {
    List<JsonNode> elements = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(elements::add);
    } else if (!node.isMissingNode() && !node.isNull()) {
      elements.add(node);
    }
    return elements;
  }

  /**
   * Policy names are globs: {@code *} matches any characters; IAM compares names
   * case-insensitively.
   */
  private static Pattern glob(String glob) {
    String regex =
        Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }
}
