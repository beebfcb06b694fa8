package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.MasterPayerOffboardingApplication;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.BenchmarkApplication;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.RegisteredPayers;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestPostgres;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark program (not a test): seeds 10,000 completed offboardings in a fresh PostgreSQL
 * database and prints the p50/p95 latency of the trail and of a filtered search over HTTP, and the
 * time and peak heap of a full CSV export. Run with {@code ./mvnw -Paudit-bench test-compile
 * exec:exec}.
 *
 * <p>Seeding, honestly: {@code audit.bench.real} (default 200) journeys run for real, end to end,
 * through the running application (reseller API, engine task completions by the users of the
 * groups, the job executor sending every mail, issuing every CTA and removing the distributor's
 * access through the real AWS SDK from a payer account of the IAM/STS test server); then their rows
 * are cloned with SQL (the application's tables and every Camunda history table, with new ids,
 * start times spread over two years and resellers spread over 100) until there are {@code
 * audit.bench.total} (default 10,000). Each clone is a complete, consistent trail of a real
 * journey.
 */
public final class AuditBenchmark {

  private static final int TOTAL = Integer.getInteger("audit.bench.total", 10_000);
  private static final int REAL = Integer.getInteger("audit.bench.real", 200);
  private static final int SAMPLES = Integer.getInteger("audit.bench.samples", 300);
  private static final String[] HISTORY_TABLES = {
    "act_hi_procinst",
    "act_hi_actinst",
    "act_hi_taskinst",
    "act_hi_identitylink",
    "act_hi_varinst",
    "act_hi_detail",
    "act_hi_op_log",
    "act_hi_job_log",
    "act_hi_incident"
  };

  private AuditBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = TestPostgres.freshDatabase("offboarding_audit_bench");
    FakeAws aws = new FakeAws().seedOnFirstUse();
    List<String> arguments =
        BenchmarkApplication.arguments(url, aws, Files.createTempDirectory("audit-bench-mail"));
    arguments.addAll(
        List.of(
            "--camunda.bpm.job-execution.wait-time-in-millis=50",
            "--camunda.bpm.job-execution.max-wait=500"));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(MasterPayerOffboardingApplication.class)
            .profiles("local", "postgres")
            .run(arguments.toArray(String[]::new));
    try {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      Api api = new Api(port);

      long seedStart = System.nanoTime();
      runRealJourneys(app, api);
      double realSeconds = seconds(seedStart);
      long cloneStart = System.nanoTime();
      int copies = Math.max(0, TOTAL / REAL - 1);
      cloneJourneys(jdbc, copies);
      double cloneSeconds = seconds(cloneStart);
      long offboardings =
          jdbc.queryForObject(
              "select count(*) from offboarding where status = 'COMPLETED'", Long.class);

      List<String> ids =
          jdbc.queryForList(
              "select id::text from offboarding order by random() limit " + SAMPLES, String.class);
      Random random = new Random(42);
      List<String> resellers =
          jdbc.queryForList("select distinct reseller_id from offboarding", String.class);
      Instant oldest =
          jdbc.queryForObject("select min(created_at) from offboarding", java.sql.Timestamp.class)
              .toInstant();
      long spanDays = Math.max(8, ChronoUnit.DAYS.between(oldest, Instant.now()));

      List<Double> trail =
          latencies(api, i -> "/api/audit/offboardings/" + ids.get(i % ids.size()) + "/trail");
      List<Double> search =
          latencies(
              api,
              i -> {
                Instant from = oldest.plus(random.nextInt((int) spanDays - 7), ChronoUnit.DAYS);
                return "/api/audit/offboardings?status=COMPLETED&resellerId="
                    + resellers.get(random.nextInt(resellers.size()))
                    + "&startedFrom="
                    + from
                    + "&startedTo="
                    + from.plus(90, ChronoUnit.DAYS)
                    + "&sort=createdAt,desc&size=50";
              });
      CsvRun csv = exportCsv(port);

      System.out.println();
      System.out.println(
          "AUDIT BENCHMARK on PostgreSQL "
              + jdbc.queryForObject("show server_version", String.class)
              + ", JVM max heap "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB, "
              + Runtime.getRuntime().availableProcessors()
              + " cores");
      System.out.printf(
          Locale.ROOT,
          "seeded  %d completed offboardings: %d real journeys in %.1f s + %d SQL clones of "
              + "each in %.1f s%n",
          offboardings,
          REAL,
          realSeconds,
          copies,
          cloneSeconds);
      System.out.printf(
          Locale.ROOT,
          "trail   GET /api/audit/offboardings/{id}/trail       n=%d  p50=%.1f ms  p95=%.1f ms  "
              + "(%d entries on average)%n",
          trail.size(),
          percentile(trail, 50),
          percentile(trail, 95),
          averageEntries(api, ids));
      System.out.printf(
          Locale.ROOT,
          "search  GET /api/audit/offboardings?status&resellerId&startedFrom&startedTo (size 50)"
              + "  n=%d  p50=%.1f ms  p95=%.1f ms%n",
          search.size(),
          percentile(search, 50),
          percentile(search, 95));
      System.out.printf(
          Locale.ROOT,
          "export  GET /api/audit/offboardings/export.csv  rows=%d  %.1f MB  time=%.0f ms  "
              + "peak heap used=%d MB (heap used before=%d MB)%n",
          csv.rows,
          csv.bytes / 1e6,
          csv.millis,
          csv.peakHeapMb,
          csv.heapBeforeMb);
    } finally {
      app.close();
      aws.close();
    }
  }

  // --- seeding
  // --------------------------------------------------------------------------------------

  /** Runs REAL journeys from request to completion through the application and its job executor. */
  private static void runRealJourneys(ConfigurableApplicationContext app, Api api)
      throws InterruptedException {
    TaskService tasks = app.getBean(TaskService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    Map<String, String> resellerOf = new HashMap<>();
    RegisteredPayers payers = new RegisteredPayers(api);
    payers.register(REAL / 2 + 1, "acme", "globex");
    for (int i = 0; i < REAL; i++) {
      String reseller = i % 2 == 0 ? "acme" : "globex";
      Api.Response created =
          api.postJson(
              reseller, "/api/offboardings", TestRequests.offboarding(payers.next(reseller)));
      if (created.status() != 201) {
        throw new IllegalStateException("Start failed: " + created);
      }
      resellerOf.put(created.json().path("id").asText(), reseller);
    }
    byte[] signed = TestPdf.withText("signed by the reseller and the new party");
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("masterPayerOffboarding")
            .count()
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Journeys did not complete in 30 minutes");
      }
      for (Task task :
          tasks.createTaskQuery().processDefinitionKey("masterPayerOffboarding").list()) {
        boolean finance = task.getTaskDefinitionKey().equals("Task_ConfirmPaymentClearance");
        String user = finance ? "finance" : "sales";
        identity.setAuthentication(user, List.of(finance ? "finance" : "iaas-sales"));
        try {
          tasks.claim(task.getId(), user);
          tasks.complete(
              task.getId(), BenchmarkApplication.approvingOutcome(task.getTaskDefinitionKey()));
        } finally {
          identity.clearAuthentication();
        }
      }
      runtime
          .createExecutionQuery()
          .processDefinitionKey("masterPayerOffboarding")
          .activityId("ReceiveTask_AwaitSignedCta")
          .list()
          .forEach(
              waiting -> {
                String id =
                    runtime
                        .createProcessInstanceQuery()
                        .processInstanceId(waiting.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey();
                api.put(
                    resellerOf.get(id),
                    "/api/offboardings/" + id + "/cta/signed",
                    "application/pdf",
                    signed);
              });
      Thread.sleep(200);
    }
  }

  /**
   * Copies every completed offboarding {@code copies} times: its row, documents and mails, and
   * every history row of its process instance. Ids become md5(id ~ copy) so references stay
   * consistent.
   */
  private static void cloneJourneys(JdbcTemplate jdbc, int copies) {
    if (copies == 0) {
      return;
    }
    String templates = "(select process_instance_id from offboarding where status = 'COMPLETED')";
    jdbc.update(
        """
        insert into offboarding (id, reseller_id, payer_account_id, status, stage, reason, contact_email,
          new_party_name, new_party_email, new_party_kind, requested_by, reseller_action, reseller_action_detail,
          status_reason, process_instance_id, created_at, updated_at, ended_at)
        select md5(o.id::text || '~' || g)::uuid,
          case when g % 4 = 0 then o.reseller_id else 'R' || lpad((abs(hashtext(o.id::text || g)) % 100)::text, 3, '0') end,
          lpad((abs(hashtext(o.id::text || '~' || g)) % 1000000000000)::text, 12, '0'),
          o.status, o.stage, o.reason, o.contact_email, o.new_party_name, o.new_party_email, o.new_party_kind,
          o.requested_by, o.reseller_action, o.reseller_action_detail, o.status_reason,
          md5(o.process_instance_id || '~' || g),
          o.created_at - make_interval(mins => (abs(hashtext(o.id::text || g)) % 1051200)),
          o.updated_at - make_interval(mins => (abs(hashtext(o.id::text || g)) % 1051200)),
          o.ended_at - make_interval(mins => (abs(hashtext(o.id::text || g)) % 1051200))
        from offboarding o cross join generate_series(1, ?) g where o.status = 'COMPLETED'""",
        copies);
    jdbc.update(
        """
        insert into document (id, offboarding_id, kind, file_name, content_type, size_bytes, sha256, content,
          created_at, created_by)
        select md5(d.id::text || '~' || g)::uuid, md5(d.offboarding_id::text || '~' || g)::uuid, d.kind, d.file_name,
          d.content_type, d.size_bytes, d.sha256, d.content, d.created_at, d.created_by
        from document d join offboarding o on o.id = d.offboarding_id and o.status = 'COMPLETED'
        cross join generate_series(1, ?) g""",
        copies);
    jdbc.update(
        """
        insert into access_cleanup (offboarding_id, external_id, status, plan, verification, failure, iam_calls,
          iam_attempts, attested_by, attested_at, attestation_notes, started_at, finished_at, created_at, updated_at)
        select md5(c.offboarding_id::text || '~' || g)::uuid, c.external_id || '~' || g, c.status, c.plan,
          c.verification, c.failure, c.iam_calls, c.iam_attempts, c.attested_by, c.attested_at, c.attestation_notes,
          c.started_at, c.finished_at, c.created_at, c.updated_at
        from access_cleanup c join offboarding o on o.id = c.offboarding_id and o.status = 'COMPLETED'
        cross join generate_series(1, ?) g""",
        copies);
    jdbc.update(
        """
        insert into access_cleanup_call (id, offboarding_id, entity, action, subject, outcome, error_code, request_id,
          called_at)
        select md5(c.id::text || '~' || g)::uuid, md5(c.offboarding_id::text || '~' || g)::uuid, c.entity, c.action,
          c.subject, c.outcome, c.error_code, c.request_id, c.called_at
        from access_cleanup_call c join offboarding o on o.id = c.offboarding_id and o.status = 'COMPLETED'
        cross join generate_series(1, ?) g""",
        copies);
    jdbc.update(
        """
        insert into sent_mail (id, offboarding_id, notification, recipients, subject, message_id, sent_at)
        select md5(m.id::text || '~' || g)::uuid, md5(m.offboarding_id::text || '~' || g)::uuid, m.notification,
          m.recipients, m.subject, m.message_id, m.sent_at
        from sent_mail m join offboarding o on o.id = m.offboarding_id and o.status = 'COMPLETED' and o.id = m.offboarding_id
        cross join generate_series(1, ?) g
        where m.offboarding_id in (select id from offboarding where process_instance_id in """
            + templates
            + ")",
        copies);
    for (String table : HISTORY_TABLES) {
      List<String> columns =
          jdbc.queryForList(
              "select column_name from information_schema.columns "
                  + "where table_schema = current_schema() and table_name = ? order by ordinal_position",
              String.class,
              table);
      String expressions =
          columns.stream().map(AuditBenchmark::cloned).collect(Collectors.joining(", "));
      jdbc.update(
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") select "
              + expressions
              + " from "
              + table
              + " cross join generate_series(1, ?) g where root_proc_inst_id_ in "
              + templates,
          copies);
    }
    jdbc.execute("analyze");
  }

  /**
   * The SQL that gives a column its value in copy g: ids mapped consistently, everything else kept.
   */
  private static String cloned(String column) {
    if (column.equals("business_key_")) {
      return "md5(business_key_ || '~' || g)::uuid::text";
    }
    boolean id =
        column.equals("id_")
            || column.endsWith("_inst_id_")
            || List.of(
                    "execution_id_",
                    "task_id_",
                    "operation_id_",
                    "job_id_",
                    "parent_task_id_",
                    "super_process_instance_id_",
                    "cause_incident_id_",
                    "root_cause_incident_id_")
                .contains(column);
    return id
        ? "case when " + column + " is null then null else md5(" + column + " || '~' || g) end"
        : column;
  }

  // --- measuring
  // ------------------------------------------------------------------------------------

  private static List<Double> latencies(Api api, IntFunction<String> path) {
    for (int i = 0; i < 30; i++) {
      check(api.get("auditor", path.apply(i)));
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      String next = path.apply(i);
      long start = System.nanoTime();
      check(api.get("auditor", next));
      millis.add((System.nanoTime() - start) / 1e6);
    }
    return millis;
  }

  private static int averageEntries(Api api, List<String> ids) {
    return (int)
        ids.stream()
            .limit(20)
            .mapToInt(
                id ->
                    api.get("auditor", "/api/audit/offboardings/" + id + "/trail")
                        .json()
                        .path("entries")
                        .size())
            .average()
            .orElse(0);
  }

  private record CsvRun(long rows, long bytes, double millis, long peakHeapMb, long heapBeforeMb) {}

  /**
   * The full export, read line by line as it streams; the heap's peak is measured across the
   * export.
   */
  private static CsvRun exportCsv(int port) throws Exception {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/audit/offboardings/export.csv"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("auditor:auditor".getBytes(StandardCharsets.UTF_8)))
            .build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    long rows = -1;
    long bytes = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows++;
        bytes += line.length() + 2;
      }
    }
    double millis = (System.nanoTime() - start) / 1e6;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Export failed: " + response.statusCode());
    }
    return new CsvRun(rows, bytes, millis, peak / (1024 * 1024), before / (1024 * 1024));
  }

  private static void check(Api.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException("Request failed: " + response);
    }
  }

  private static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(
        Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
