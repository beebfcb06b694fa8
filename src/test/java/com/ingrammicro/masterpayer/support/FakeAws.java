package com.ingrammicro.masterpayer.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM and STS on loopback, speaking their Query protocol as AWS does (form-encoded {@code Action=}
 * requests signed with SigV4, XML answers, {@code ErrorResponse} errors, {@code Marker}/{@code
 * IsTruncated} paging), over in-memory accounts. IAM's rules that the cleanup must respect are
 * enforced: a role with policies or instance profiles cannot be deleted, nor a policy still
 * attached or with versions; service-linked roles are unmodifiable. Faults can be injected per
 * action.
 *
 * <p>Only the engine's access key may call STS; IAM answers only sessions that AssumeRole handed
 * out, each confined to its own account.
 */
public final class FakeAws implements AutoCloseable {

  public static final String ENGINE_ACCESS_KEY = "AKIAENGINEFAKE000001";
  public static final String ENGINE_SECRET_KEY = "engine-secret-key-for-tests-only";

  /**
   * The engine runs in Ingram Micro's account, so the cleanup role trusts a distributor account
   * too.
   */
  public static final String ENGINE_PRINCIPAL = "arn:aws:iam::222222222222:role/offboarding-engine";

  public static final String CLOUDCHECKR_ACCOUNT = "352813966189";
  public static final String INGRAM_ACCOUNT = "222222222222";

  private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");

  private final HttpServer server;
  // as many as the job threads of two engine nodes, so a slow answer (callDelay) holds up no other
  // call
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          16,
          task -> {
            Thread thread = new Thread(task, "fake-aws");
            thread.setDaemon(true); // never keeps a JVM alive
            return thread;
          });
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<String, String> sessions =
      new ConcurrentHashMap<>(); // access key -> account id
  private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
  private final List<String> assumedSessions = Collections.synchronizedList(new ArrayList<>());
  private volatile int pageSize = 100;
  private volatile boolean seedOnFirstUse;
  private volatile long callDelayMillis;

  /** On a free loopback port. */
  public FakeAws() {
    this(0);
  }

  public FakeAws(int port) {
    // small answers in two writes (headers, body) would otherwise wait for delayed ACKs: 40 ms a
    // call
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The account with this id, created empty on first use. */
  public Account account(String id) {
    return accounts.computeIfAbsent(id, accountId -> new Account(this, accountId));
  }

  /**
   * Sandbox mode: an unknown payer account is created on its first AssumeRole, seeded with the
   * distributor's footprint ({@link PayerAccounts}) and a cleanup role that requires the ExternalId
   * presented, as if the reseller had deployed it.
   */
  public FakeAws seedOnFirstUse() {
    this.seedOnFirstUse = true;
    return this;
  }

  /**
   * Every IAM call answers only after this delay, as a slow or distant IAM would: the two-node test
   * (scripts/cluster-test.sh) uses it so that a node dies while it is in the middle of a removal.
   */
  public FakeAws callDelay(long millis) {
    this.callDelayMillis = millis;
    return this;
  }

  /** Lists answer at most this many items a page, to exercise the client's paging. */
  public FakeAws pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /**
   * Every session AssumeRole handed out, as CloudTrail names it: {@code <role ARN>/<session name>
   * <duration>s}.
   */
  public List<String> assumedSessions() {
    synchronized (assumedSessions) {
      return List.copyOf(assumedSessions);
    }
  }

  /**
   * The next {@code times} calls of {@code action} ({@code *}: any) fail with this error, in every
   * account ({@code times} &lt; 0: always).
   */
  public void fail(String action, int times, int status, String code) {
    faults.add(new Fault(null, action, times, status, code));
  }

  public void clearFaults() {
    faults.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // --- the accounts ----------------------------------------------------------------------------

  /** One AWS account's IAM. Changed by the tests to seed situations, and by the API. */
  public static final class Account {
    final FakeAws aws;
    final String id;
    final Map<String, Role> roles = new LinkedHashMap<>();
    final Map<String, ManagedPolicy> policies = new LinkedHashMap<>(); // by ARN
    final Map<String, List<String>> instanceProfiles = new LinkedHashMap<>(); // name -> role names
    final Map<String, Set<String>> users = new LinkedHashMap<>(); // name -> attached policy ARNs
    final Map<String, String> userBoundaries = new HashMap<>();
    final Map<String, Set<String>> groups = new LinkedHashMap<>();
    final Map<String, FakeCloudFormation.Stack> stacks = new LinkedHashMap<>(); // by stack id
    final Map<String, FakeS3.Bucket> buckets = FakeS3.newBuckets();
    String externalId;

    Account(FakeAws aws, String id) {
      this.aws = aws;
      this.id = id;
    }

    /**
     * Like {@link FakeAws#fail}, in this account only; {@code times} &lt; 0: until {@link #heal()}.
     */
    public Account fail(String action, int times, int status, String code) {
      aws.faults.add(new Fault(id, action, times, status, code));
      return this;
    }

    public Account heal() {
      aws.faults.removeIf(fault -> id.equals(fault.accountId()));
      return this;
    }

    public String id() {
      return id;
    }

    /**
     * The cleanup role as the reseller deploys it: trusts the engine's principal with this
     * ExternalId.
     */
    public synchronized Account withCleanupRole(String roleName, String externalId) {
      this.externalId = externalId;
      role("/", roleName, trust(ENGINE_PRINCIPAL));
      return this;
    }

    public synchronized Account role(String path, String name, String trustPolicy) {
      roles.put(
          name.toLowerCase(Locale.ROOT),
          new Role(name, path, "arn:aws:iam::" + id + ":role" + path + name, trustPolicy));
      return this;
    }

    /** A customer-managed policy with {@code versions} versions (the last is the default). */
    public synchronized String policy(String name, int versions) {
      String arn = "arn:aws:iam::" + id + ":policy/" + name;
      policies.put(arn, new ManagedPolicy(name, arn, versions));
      return arn;
    }

    /** An AWS-managed policy, as seen from the account: attachable, never listed as Local. */
    public synchronized String awsManagedPolicy(String name) {
      String arn = "arn:aws:iam::aws:policy/" + name;
      policies.put(arn, new ManagedPolicy(name, arn, 1));
      return arn;
    }

    public synchronized Account attachToRole(String roleName, String policyArn) {
      role(roleName).attached.add(policyArn);
      return this;
    }

    public synchronized Account inlinePolicy(String roleName, String policyName) {
      role(roleName).inline.put(policyName, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
      return this;
    }

    /** When and where the role was last used, as IAM's GetRole reports it (RoleLastUsed). */
    public synchronized Account lastUsed(String roleName, String date, String region) {
      Role role = role(roleName);
      role.lastUsedDate = date;
      role.lastUsedRegion = region;
      return this;
    }

    public synchronized Account boundary(String roleName, String policyArn) {
      role(roleName).boundary = policyArn;
      return this;
    }

    public synchronized Account instanceProfile(String name, String roleName) {
      instanceProfiles.computeIfAbsent(name, n -> new ArrayList<>()).add(role(roleName).name);
      return this;
    }

    public synchronized Account user(String name, String... policyArns) {
      users.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(List.of(policyArns));
      return this;
    }

    public synchronized Account userBoundary(String userName, String policyArn) {
      users.computeIfAbsent(userName, n -> new LinkedHashSet<>());
      userBoundaries.put(userName, policyArn);
      return this;
    }

    public synchronized Account group(String name, String... policyArns) {
      groups.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(List.of(policyArns));
      return this;
    }

    /**
     * A CloudFormation stack in {@code region}; {@link #stackResource} adds what it holds. Roles it
     * holds carry CloudFormation's {@code aws:cloudformation:*} tags, as AWS puts them.
     */
    public synchronized Account stack(String region, String name) {
      FakeCloudFormation.Stack stack = new FakeCloudFormation.Stack(id, region, name);
      stacks.put(stack.id, stack);
      return this;
    }

    public synchronized Account stackResource(
        String stackName, String logicalId, String type, String physicalId) {
      FakeCloudFormation.Stack stack = liveStack(stackName);
      stack.resources.add(new FakeCloudFormation.Resource(logicalId, type, physicalId));
      if (type.equals("AWS::IAM::Role")) {
        Role role = role(physicalId);
        role.tags.put("aws:cloudformation:stack-name", stack.name);
        role.tags.put("aws:cloudformation:stack-id", stack.id);
        role.tags.put("aws:cloudformation:logical-id", logicalId);
      }
      return this;
    }

    /** The stack's next deletion fails with this reason (DELETE_FAILED). */
    public synchronized Account failStackDeletion(String stackName, String reason) {
      liveStack(stackName).failDeletion = reason;
      return this;
    }

    /** The stack's status; DELETE_COMPLETE once deleted. */
    public synchronized String stackStatus(String stackName) {
      return stacks.values().stream()
          .filter(stack -> stack.name.equals(stackName))
          .reduce((first, last) -> last)
          .map(stack -> stack.status)
          .orElse(null);
    }

    /** Its resources go as CloudFormation deletes them: the owner removed the stack instance. */
    public synchronized Account deleteStackByItsOwner(String stackName) {
      FakeCloudFormation.Stack stack = liveStack(stackName);
      stack.resources.forEach(this::deleteStackResource);
      stack.status = "DELETE_COMPLETE";
      return this;
    }

    FakeCloudFormation.Stack liveStack(String name) {
      return stacks.values().stream()
          .filter(stack -> stack.name.equals(name) && !stack.deleted())
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No stack " + name));
    }

    /** The users, groups and roles outside {@code stack} that use the policy. */
    List<String> usesOutside(String policyArn, FakeCloudFormation.Stack stack) {
      List<String> inStack =
          stack.resources.stream().map(FakeCloudFormation.Resource::physicalId).toList();
      return attachments(this, policyArn).stream().filter(use -> !inStack.contains(use)).toList();
    }

    /** What CloudFormation does to one resource when it deletes its stack. */
    void deleteStackResource(FakeCloudFormation.Resource resource) {
      switch (resource.type()) {
        case "AWS::IAM::Role" -> {
          Role role = roles.remove(resource.physicalId().toLowerCase(Locale.ROOT));
          if (role != null) {
            instanceProfiles.values().forEach(names -> names.remove(role.name));
          }
        }
        case "AWS::IAM::ManagedPolicy" -> {
          roles.values().forEach(role -> role.attached.remove(resource.physicalId()));
          policies.remove(resource.physicalId());
        }
        default -> {
          // the customer's other resources are not modelled
        }
      }
    }

    /** An S3 bucket in {@code region} with this policy (JSON; null: none). */
    public synchronized Account bucket(String name, String region, String policy) {
      buckets.put(name, new FakeS3.Bucket(name, region, policy));
      return this;
    }

    /** The bucket's policy as S3 holds it now; null when it has none. */
    public synchronized String bucketPolicy(String name) {
      return buckets.get(name).policy;
    }

    public synchronized Set<String> roleNames() {
      Set<String> names = new LinkedHashSet<>();
      roles.values().forEach(role -> names.add(role.name));
      return names;
    }

    /** Customer-managed policy names. */
    public synchronized Set<String> policyNames() {
      Set<String> names = new LinkedHashSet<>();
      policies.values().stream().filter(p -> !p.awsManaged()).forEach(p -> names.add(p.name));
      return names;
    }

    public synchronized Set<String> attachedToUser(String user) {
      return Set.copyOf(users.getOrDefault(user, Set.of()));
    }

    public synchronized Set<String> attachedToGroup(String group) {
      return Set.copyOf(groups.getOrDefault(group, Set.of()));
    }

    public synchronized Set<String> attachedToRole(String roleName) {
      return Set.copyOf(role(roleName).attached);
    }

    public synchronized String boundaryOfUser(String user) {
      return userBoundaries.get(user);
    }

    public synchronized List<String> instanceProfileRoles(String profile) {
      return List.copyOf(instanceProfiles.getOrDefault(profile, List.of()));
    }

    Role role(String name) {
      Role role = roles.get(name.toLowerCase(Locale.ROOT));
      if (role == null) {
        throw new AwsError(404, "NoSuchEntity", "The role with name " + name + " cannot be found.");
      }
      return role;
    }

    ManagedPolicy policyByArn(String arn) {
      ManagedPolicy policy = policies.get(arn);
      if (policy == null) {
        throw new AwsError(
            404, "NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.");
      }
      return policy;
    }
  }

  /** A trust policy that lets {@code principals} assume the role. */
  public static String trust(String... principals) {
    StringBuilder aws = new StringBuilder();
    for (String principal : principals) {
      aws.append(aws.length() == 0 ? "" : ",").append('"').append(principal).append('"');
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
        + aws
        + "]},\"Action\":\"sts:AssumeRole\"}]}";
  }

  /** A trust policy for an AWS service, as service roles have. */
  public static String serviceTrust(String service) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
        + service
        + "\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  static final class Role {
    final String name;
    final String path;
    final String arn;
    final String trust;
    final Set<String> attached = new LinkedHashSet<>();
    final Map<String, String> inline = new LinkedHashMap<>();
    String boundary;
    final Map<String, String> tags = new LinkedHashMap<>();
    String lastUsedDate;
    String lastUsedRegion;

    Role(String name, String path, String arn, String trust) {
      this.name = name;
      this.path = path;
      this.arn = arn;
      this.trust = trust;
    }
  }

  static final class ManagedPolicy {
    final String name;
    final String arn;
    final List<String> versions = new ArrayList<>();

    ManagedPolicy(String name, String arn, int versionCount) {
      this.name = name;
      this.arn = arn;
      for (int v = 1; v <= versionCount; v++) {
        versions.add("v" + v);
      }
    }

    boolean awsManaged() {
      return arn.contains(":aws:policy/");
    }

    String defaultVersion() {
      return versions.get(versions.size() - 1);
    }
  }

  private record Fault(String accountId, String action, int times, int status, String code) {}

  static final class AwsError extends RuntimeException {
    final int status;
    final String code;

    AwsError(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  // --- the protocol ----------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    if ("s3".equals(scopeService(exchange))) {
      s3(exchange);
      return;
    }
    String requestId = UUID.randomUUID().toString();
    Map<String, String> params =
        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String action = params.getOrDefault("Action", "");
    boolean sts = action.equals("AssumeRole") || action.equals("GetCallerIdentity");
    String service =
        sts ? "sts" : "cloudformation".equals(scopeService(exchange)) ? "cloudformation" : "iam";
    if (!sts && callDelayMillis > 0) {
      try {
        Thread.sleep(callDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String body;
    int status = 200;
    try {
      String accessKey = authenticate(exchange, service);
      injectFault(action, sts ? roleArnAccount(params) : sessions.get(accessKey));
      body =
          switch (service) {
            case "sts" -> sts(action, params, accessKey, requestId);
            case "cloudformation" -> cloudFormation(action, params, accessKey, requestId);
            default -> iam(action, params, accessKey, requestId);
          };
    } catch (AwsError e) {
      status = e.status;
      body =
          "<ErrorResponse xmlns=\""
              + (sts ? STS_NS : service.equals("cloudformation") ? FakeCloudFormation.NS : IAM_NS)
              + "\"><Error><Type>"
              + (e.status >= 500 ? "Receiver" : "Sender")
              + "</Type><Code>"
              + e.code
              + "</Code><Message>"
              + escape(e.getMessage())
              + "</Message></Error><RequestId>"
              + requestId
              + "</RequestId></ErrorResponse>";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/xml");
    exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String roleArnAccount(Map<String, String> params) {
    Matcher arn =
        Pattern.compile("arn:aws:iam::(\\d{12}):.*").matcher(params.getOrDefault("RoleArn", ""));
    return arn.matches() ? arn.group(1) : null;
  }

  private void injectFault(String action, String accountId) {
    synchronized (faults) {
      for (int i = 0; i < faults.size(); i++) {
        Fault fault = faults.get(i);
        boolean inAccount = fault.accountId() == null || fault.accountId().equals(accountId);
        if (inAccount && (fault.action().equals(action) || fault.action().equals("*"))) {
          if (fault.times() > 0) {
            if (fault.times() == 1) {
              faults.remove(i);
            } else {
              faults.set(
                  i,
                  new Fault(
                      fault.accountId(),
                      fault.action(),
                      fault.times() - 1,
                      fault.status(),
                      fault.code()));
            }
          }
          throw new AwsError(
              fault.status(), fault.code(), "Injected " + fault.code() + " for " + action);
        }
      }
    }
  }

  /** S3's REST protocol: path-style requests, XML answers, S3's own error document. */
  private void s3(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    FakeS3.Answer answer;
    try {
      String accessKey = authenticate(exchange, "s3");
      Account account = accounts.get(sessions.get(accessKey));
      String action = s3Action(exchange);
      injectFault(action, account.id);
      synchronized (account) {
        answer =
            FakeS3.handle(
                account,
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                scopeRegion(exchange),
                body);
      }
    } catch (AwsError e) {
      answer = new FakeS3.Answer(e.status, "application/xml", FakeS3.error(e, requestId));
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    }
    exchange.getResponseHeaders().add("x-amz-request-id", requestId);
    exchange.getResponseHeaders().add("x-amz-id-2", "fake-" + requestId);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  /** The S3 operation a request is, by method and query, as faults name it. */
  private static String s3Action(HttpExchange exchange) {
    String query =
        exchange.getRequestURI().getRawQuery() == null
            ? ""
            : exchange.getRequestURI().getRawQuery();
    String method = exchange.getRequestMethod();
    if (exchange.getRequestURI().getRawPath().equals("/")) {
      return "ListBuckets";
    }
    if (query.startsWith("location")) {
      return "GetBucketLocation";
    }
    return switch (method) {
      case "PUT" -> "PutBucketPolicy";
      case "DELETE" -> "DeleteBucketPolicy";
      default -> "GetBucketPolicy";
    };
  }

  /** The region a SigV4 request is signed for, from its credential scope. */
  private static String scopeRegion(HttpExchange exchange) {
    Matcher credential =
        Pattern.compile("Credential=[^/]+/[^/]+/([^/]+)/")
            .matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    return credential.find() ? credential.group(1) : null;
  }

  /** The service a SigV4 request is signed for, from its credential scope. */
  private static String scopeService(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher credential = authorization == null ? null : CREDENTIAL.matcher(authorization);
    return credential != null && credential.find() ? credential.group(2) : null;
  }

  private String cloudFormation(
      String action, Map<String, String> p, String accessKey, String requestId) {
    Account account = accounts.get(sessions.get(accessKey));
    synchronized (account) {
      String result = FakeCloudFormation.handle(account, action, p);
      return "<"
          + action
          + "Response xmlns=\""
          + FakeCloudFormation.NS
          + "\">"
          + (result.isEmpty() ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
          + metadata(requestId)
          + "</"
          + action
          + "Response>";
    }
  }

  /** Checks the SigV4 credential scope names the right service and a key this server knows. */
  private String authenticate(HttpExchange exchange, String service) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher credential = authorization == null ? null : CREDENTIAL.matcher(authorization);
    if (credential == null || !credential.find() || !credential.group(2).equals(service)) {
      throw new AwsError(
          403, "MissingAuthenticationToken", "Request is missing a SigV4 signature for " + service);
    }
    String accessKey = credential.group(1);
    boolean known =
        service.equals("sts")
            ? accessKey.equals(ENGINE_ACCESS_KEY)
            : sessions.containsKey(accessKey);
    if (!known) {
      throw new AwsError(
          403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }
    return accessKey;
  }

  private String sts(
      String action, Map<String, String> params, String accessKey, String requestId) {
    if (!action.equals("AssumeRole")) {
      throw new AwsError(400, "InvalidAction", "Unsupported action " + action);
    }
    Matcher arn =
        Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)")
            .matcher(params.getOrDefault("RoleArn", ""));
    String denied =
        "User: "
            + ENGINE_PRINCIPAL
            + " is not authorized to perform: sts:AssumeRole on resource: "
            + params.get("RoleArn");
    if (!arn.matches()) {
      throw new AwsError(400, "ValidationError", "Invalid RoleArn");
    }
    if (seedOnFirstUse && !accounts.containsKey(arn.group(1))) {
      PayerAccounts.seed(account(arn.group(1)), params.get("ExternalId"));
    }
    Account account = accounts.get(arn.group(1));
    if (account == null) {
      throw new AwsError(403, "AccessDenied", denied);
    }
    synchronized (account) {
      Role role = account.roles.get(arn.group(2).toLowerCase(Locale.ROOT));
      if (role == null
          || !role.trust.contains(ENGINE_PRINCIPAL)
          || account.externalId == null
          || !account.externalId.equals(params.get("ExternalId"))) {
        throw new AwsError(403, "AccessDenied", denied);
      }
    }
    int duration = Integer.parseInt(params.getOrDefault("DurationSeconds", "3600"));
    String session = params.getOrDefault("RoleSessionName", "");
    if (duration < 900 || duration > 3600 || !session.matches("[\\w+=,.@-]{2,64}")) {
      throw new AwsError(400, "ValidationError", "Invalid DurationSeconds or RoleSessionName");
    }
    String sessionKey =
        "ASIA"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 16)
                .toUpperCase(Locale.ROOT);
    sessions.put(sessionKey, account.id);
    assumedSessions.add(params.get("RoleArn") + "/" + session + " " + duration + "s");
    return "<AssumeRoleResponse xmlns=\""
        + STS_NS
        + "\"><AssumeRoleResult><Credentials>"
        + el("AccessKeyId", sessionKey)
        + el("SecretAccessKey", "session-secret")
        + el("SessionToken", "session-token-" + session)
        + el(
            "Expiration",
            Instant.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS).toString())
        + "</Credentials><AssumedRoleUser>"
        + el("Arn", "arn:aws:sts::" + account.id + ":assumed-role/" + arn.group(2) + "/" + session)
        + el("AssumedRoleId", "AROAFAKE:" + session)
        + "</AssumedRoleUser></AssumeRoleResult>"
        + metadata(requestId)
        + "</AssumeRoleResponse>";
  }

  private String iam(String action, Map<String, String> p, String accessKey, String requestId) {
    Account account = accounts.get(sessions.get(accessKey));
    synchronized (account) {
      String result =
          switch (action) {
            case "ListRoles" ->
                page(
                    p,
                    new ArrayList<>(account.roles.values()),
                    "Roles",
                    role -> roleXml(role, false));
            case "GetRole" -> "<Role>" + roleXml(account.role(p.get("RoleName")), true) + "</Role>";
            case "ListInstanceProfilesForRole" -> {
              Role role = account.role(p.get("RoleName"));
              List<String> profiles =
                  account.instanceProfiles.entrySet().stream()
                      .filter(e -> e.getValue().contains(role.name))
                      .map(Map.Entry::getKey)
                      .toList();
              yield page(
                  p,
                  profiles,
                  "InstanceProfiles",
                  name ->
                      el("Path", "/")
                          + el("InstanceProfileName", name)
                          + el("InstanceProfileId", "AIPA" + name.hashCode())
                          + el("Arn", "arn:aws:iam::" + account.id + ":instance-profile/" + name)
                          + el("CreateDate", "2024-01-01T00:00:00Z")
                          + "<Roles></Roles>");
            }
            case "ListAttachedRolePolicies" ->
                page(
                    p,
                    new ArrayList<>(account.role(p.get("RoleName")).attached),
                    "AttachedPolicies",
                    arn ->
                        el("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                            + el("PolicyArn", arn));
            case "ListRolePolicies" ->
                page(
                    p,
                    new ArrayList<>(account.role(p.get("RoleName")).inline.keySet()),
                    "PolicyNames",
                    name -> name);
            case "ListPolicies" -> {
              if (!"Local".equals(p.get("Scope"))) {
                throw new AwsError(400, "ValidationError", "This fake serves Scope=Local only");
              }
              List<ManagedPolicy> local =
                  account.policies.values().stream()
                      .filter(policy -> !policy.awsManaged())
                      .toList();
              yield page(
                  p,
                  local,
                  "Policies",
                  policy ->
                      el("PolicyName", policy.name)
                          + el("PolicyId", "ANPA" + policy.name.hashCode())
                          + el("Arn", policy.arn)
                          + el("Path", "/")
                          + el("DefaultVersionId", policy.defaultVersion())
                          + el(
                              "AttachmentCount",
                              String.valueOf(attachments(account, policy.arn).size()))
                          + el("IsAttachable", "true")
                          + el("CreateDate", "2024-01-01T00:00:00Z"));
            }
            case "ListEntitiesForPolicy" -> entitiesForPolicy(account, p);
            case "ListPolicyVersions" ->
                page(
                    p,
                    account.policyByArn(p.get("PolicyArn")).versions,
                    "Versions",
                    version ->
                        el("VersionId", version)
                            + el(
                                "IsDefaultVersion",
                                String.valueOf(
                                    version.equals(
                                        account.policyByArn(p.get("PolicyArn")).defaultVersion())))
                            + el("CreateDate", "2024-01-01T00:00:00Z"));
            default -> mutate(account, action, p);
          };
      return "<"
          + action
          + "Response xmlns=\""
          + IAM_NS
          + "\">"
          + (result.isEmpty() ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
          + metadata(requestId)
          + "</"
          + action
          + "Response>";
    }
  }

  private String mutate(Account account, String action, Map<String, String> p) {
    switch (action) {
      case "RemoveRoleFromInstanceProfile" -> {
        Role role = modifiable(account.role(p.get("RoleName")));
        List<String> roles = account.instanceProfiles.get(p.get("InstanceProfileName"));
        if (roles == null || !roles.remove(role.name)) {
          throw new AwsError(
              404,
              "NoSuchEntity",
              "Role " + role.name + " is not in instance profile " + p.get("InstanceProfileName"));
        }
      }
      case "DetachRolePolicy" -> {
        if (!modifiable(account.role(p.get("RoleName"))).attached.remove(p.get("PolicyArn"))) {
          throw new AwsError(
              404, "NoSuchEntity", "Policy " + p.get("PolicyArn") + " was not found.");
        }
      }
      case "DeleteRolePolicy" -> {
        if (modifiable(account.role(p.get("RoleName"))).inline.remove(p.get("PolicyName"))
            == null) {
          throw new AwsError(
              404,
              "NoSuchEntity",
              "The role policy with name " + p.get("PolicyName") + " cannot be found.");
        }
      }
      case "DeleteRolePermissionsBoundary" -> {
        Role role = modifiable(account.role(p.get("RoleName")));
        if (role.boundary == null) {
          throw new AwsError(
              404, "NoSuchEntity", "The role " + role.name + " has no permissions boundary.");
        }
        role.boundary = null;
      }
      case "DeleteRole" -> {
        Role role = modifiable(account.role(p.get("RoleName")));
        boolean inProfile =
            account.instanceProfiles.values().stream().anyMatch(roles -> roles.contains(role.name));
        if (!role.attached.isEmpty() || !role.inline.isEmpty() || inProfile) {
          throw new AwsError(
              409,
              "DeleteConflict",
              "Cannot delete entity, must remove policies and instance profiles first.");
        }
        account.roles.remove(role.name.toLowerCase(Locale.ROOT));
      }
      case "DetachUserPolicy" ->
          detach(account.users, p.get("UserName"), p.get("PolicyArn"), "user");
      case "DetachGroupPolicy" ->
          detach(account.groups, p.get("GroupName"), p.get("PolicyArn"), "group");
      case "DeleteUserPermissionsBoundary" -> {
        if (account.userBoundaries.remove(p.get("UserName")) == null) {
          throw new AwsError(
              404,
              "NoSuchEntity",
              "The user " + p.get("UserName") + " has no permissions boundary.");
        }
      }
      case "DeletePolicyVersion" -> {
        ManagedPolicy policy = account.policyByArn(p.get("PolicyArn"));
        String version = p.get("VersionId");
        if (version.equals(policy.defaultVersion())) {
          throw new AwsError(
              409, "DeleteConflict", "Cannot delete the default version of a policy.");
        }
        if (!policy.versions.remove(version)) {
          throw new AwsError(404, "NoSuchEntity", "Policy version " + version + " does not exist.");
        }
      }
      case "DeletePolicy" -> {
        ManagedPolicy policy = account.policyByArn(p.get("PolicyArn"));
        if (policy.awsManaged()) {
          throw new AwsError(403, "AccessDenied", "AWS-managed policies cannot be deleted.");
        }
        if (!attachments(account, policy.arn).isEmpty() || policy.versions.size() > 1) {
          throw new AwsError(
              409,
              "DeleteConflict",
              "Cannot delete a policy attached to entities or with versions.");
        }
        account.policies.remove(policy.arn);
      }
      default -> throw new AwsError(400, "InvalidAction", "Unsupported action " + action);
    }
    return "";
  }

  private static Role modifiable(Role role) {
    if (role.path.startsWith("/aws-service-role/")) {
      throw new AwsError(
          400,
          "UnmodifiableEntity",
          "Cannot perform the operation on the protected role '" + role.name + "'");
    }
    return role;
  }

  private static void detach(
      Map<String, Set<String>> holders, String holder, String policyArn, String kind) {
    Set<String> attached = holders.get(holder);
    if (attached == null) {
      throw new AwsError(
          404, "NoSuchEntity", "The " + kind + " with name " + holder + " cannot be found.");
    }
    if (!attached.remove(policyArn)) {
      throw new AwsError(404, "NoSuchEntity", "Policy " + policyArn + " was not found.");
    }
  }

  /** Everything that uses a policy: attachments and permissions boundaries. */
  private static List<String> attachments(Account account, String arn) {
    List<String> uses = new ArrayList<>();
    account.roles.values().stream()
        .filter(r -> r.attached.contains(arn) || arn.equals(r.boundary))
        .forEach(r -> uses.add(r.name));
    account.users.forEach(
        (user, attached) -> {
          if (attached.contains(arn) || arn.equals(account.userBoundaries.get(user))) {
            uses.add(user);
          }
        });
    account.groups.forEach(
        (group, attached) -> {
          if (attached.contains(arn)) {
            uses.add(group);
          }
        });
    return uses;
  }

  private String entitiesForPolicy(Account account, Map<String, String> p) {
    String arn = account.policyByArn(p.get("PolicyArn")).arn;
    boolean boundary = "PermissionsBoundary".equals(p.get("PolicyUsageFilter"));
    List<String> entities = new ArrayList<>(); // "kind:name", one list paged as IAM does
    account.groups.forEach(
        (group, attached) -> {
          if (!boundary && attached.contains(arn)) {
            entities.add("group:" + group);
          }
        });
    account.users.forEach(
        (user, attached) -> {
          if (boundary ? arn.equals(account.userBoundaries.get(user)) : attached.contains(arn)) {
            entities.add("user:" + user);
          }
        });
    account
        .roles
        .values()
        .forEach(
            role -> {
              if (boundary ? arn.equals(role.boundary) : role.attached.contains(arn)) {
                entities.add("role:" + role.name);
              }
            });
    int from = p.containsKey("Marker") ? Integer.parseInt(p.get("Marker")) : 0;
    int size = Math.min(pageSize, Integer.parseInt(p.getOrDefault("MaxItems", "100")));
    List<String> slice =
        entities.subList(Math.min(from, entities.size()), Math.min(from + size, entities.size()));
    StringBuilder groups = new StringBuilder();
    StringBuilder users = new StringBuilder();
    StringBuilder roles = new StringBuilder();
    for (String entity : slice) {
      String name = entity.substring(entity.indexOf(':') + 1);
      switch (entity.substring(0, entity.indexOf(':'))) {
        case "group" -> groups.append("<member>").append(el("GroupName", name)).append("</member>");
        case "user" -> users.append("<member>").append(el("UserName", name)).append("</member>");
        default -> roles.append("<member>").append(el("RoleName", name)).append("</member>");
      }
    }
    boolean truncated = from + size < entities.size();
    return "<PolicyGroups>"
        + groups
        + "</PolicyGroups><PolicyUsers>"
        + users
        + "</PolicyUsers><PolicyRoles>"
        + roles
        + "</PolicyRoles>"
        + el("IsTruncated", String.valueOf(truncated))
        + (truncated ? el("Marker", String.valueOf(from + size)) : "");
  }

  private <T> String page(
      Map<String, String> p, List<T> items, String listName, Function<T, String> member) {
    int from = p.containsKey("Marker") ? Integer.parseInt(p.get("Marker")) : 0;
    int size = Math.min(pageSize, Integer.parseInt(p.getOrDefault("MaxItems", "100")));
    StringBuilder xml = new StringBuilder("<").append(listName).append(">");
    for (T item :
        items.subList(Math.min(from, items.size()), Math.min(from + size, items.size()))) {
      xml.append("<member>").append(member.apply(item)).append("</member>");
    }
    xml.append("</").append(listName).append(">");
    boolean truncated = from + size < items.size();
    xml.append(el("IsTruncated", String.valueOf(truncated)));
    if (truncated) {
      xml.append(el("Marker", String.valueOf(from + size)));
    }
    return xml.toString();
  }

  private static String roleXml(Role role, boolean withBoundary) {
    String xml =
        el("Path", role.path)
            + el("RoleName", role.name)
            + el("RoleId", "AROA" + Math.abs(role.name.hashCode()))
            + el("Arn", role.arn)
            + el("CreateDate", "2024-01-01T00:00:00Z")
            + el(
                "AssumeRolePolicyDocument",
                URLEncoder.encode(role.trust, StandardCharsets.UTF_8).replace("+", "%20"))
            + el("MaxSessionDuration", "3600");
    if (withBoundary && !role.tags.isEmpty()) {
      StringBuilder tags = new StringBuilder("<Tags>");
      role.tags.forEach(
          (key, value) ->
              tags.append("<member>")
                  .append(el("Key", key))
                  .append(el("Value", value))
                  .append("</member>"));
      xml += tags.append("</Tags>");
    }
    if (withBoundary && role.lastUsedDate != null) {
      xml +=
          "<RoleLastUsed>"
              + el("LastUsedDate", role.lastUsedDate)
              + el("Region", role.lastUsedRegion)
              + "</RoleLastUsed>";
    }
    if (withBoundary && role.boundary != null) {
      xml +=
          "<PermissionsBoundary>"
              + el("PermissionsBoundaryType", "Policy")
              + el("PermissionsBoundaryArn", role.boundary)
              + "</PermissionsBoundary>";
    }
    return xml;
  }

  private static String metadata(String requestId) {
    return "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata>";
  }

  static String el(String name, String value) {
    return "<" + name + ">" + escape(value) + "</" + name + ">";
  }

  private static String escape(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new HashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        params.put(
            key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
