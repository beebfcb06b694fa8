package com.ingrammicro.masterpayer.performance;

import static com.ingrammicro.masterpayer.performance.StatementCounter.uncounted;

import com.ingrammicro.masterpayer.MasterPayerOffboardingApplication;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.BenchmarkApplication;
import com.ingrammicro.masterpayer.support.FakeAws;
import com.ingrammicro.masterpayer.support.RegisteredPayers;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestPostgres;
import com.ingrammicro.masterpayer.support.TestRequests;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark program (not a test) of the engine's speed on PostgreSQL; prints one table. Run with
 * {@code ./mvnw -Pperf-bench test-compile exec:exec} (docs/performance.md, "The commands", with the
 * figures).
 *
 * <p>It boots the whole application in this JVM on a fresh database of the local PostgreSQL server,
 * with the automated access removal against the IAM/STS test server ({@link FakeAws}, real AWS SDK
 * over HTTP) and mails to a drop folder, and measures, in this order:
 *
 * <ol>
 *   <li>full journeys: {@code perf.bench.journeys} (1,000) offboardings from {@code POST
 *       /api/offboardings} to {@code COMPLETED}: the reseller uploads the signed CTA over HTTP,
 *       sales and finance claim and complete their tasks as themselves (TaskService, authorizations
 *       on, as engine-rest does), the job executor sends every mail, issues every CTA and removes
 *       the distributor's access; journeys per minute, SQL statements per journey and the time from
 *       the last human action to completion;
 *   <li>starts: {@code POST /api/offboardings} at concurrency 1, 8 and 32 against the raw engine's
 *       {@code startProcessInstanceByKey} with the same variables, on the same database, both with
 *       the job executor paused (each start leaves one mail job; they run afterwards); the API's
 *       payer accounts are registered, and the raw starts' offboarding records (which the process's
 *       start listener binds) written, before the measurement;
 *   <li>queries at {@code perf.bench.open} (10,000) open journeys (waiting for review): the
 *       reseller's status and list, and Tasklist's group filter for iaas-sales;
 *   <li>peak heap and resident memory of the JVM (application, engine, test servers and the
 *       client).
 * </ol>
 */
public final class PerformanceBenchmark {

  private static final String PROCESS = "masterPayerOffboarding";
  private static final String RAW_REQUESTER = "raw-benchmark";
  private static final int JOURNEYS = Integer.getInteger("perf.bench.journeys", 1_000);
  private static final int STARTS = Integer.getInteger("perf.bench.starts", 400);
  private static final int OPEN = Integer.getInteger("perf.bench.open", 10_000);
  private static final int SAMPLES = Integer.getInteger("perf.bench.samples", 400);
  // Tasklist's query reads every open task of the group: fewer samples keep the run short
  private static final int TASKLIST_SAMPLES =
      Integer.getInteger("perf.bench.tasklist-samples", 100);
  private static final int WORKERS = Integer.getInteger("perf.bench.workers", 8);
  private static final int[] CONCURRENCY = {1, 8, 32};
  private static final List<String> HUMAN_LAST =
      List.of("Task_HandOverBilling", "Task_ConfirmPaymentClearance");

  private final Api api;
  private final RegisteredPayers payers;
  private final Queue<UUID> rawRecords = new ConcurrentLinkedQueue<>();
  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final JobExecutor jobExecutor;
  private final MemorySampler memory = new MemorySampler();
  private final List<String> rows = new ArrayList<>();

  private PerformanceBenchmark(ConfigurableApplicationContext app) {
    this.api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    this.payers = new RegisteredPayers(api);
    this.jdbc = app.getBean(JdbcTemplate.class);
    this.runtime = app.getBean(RuntimeService.class);
    this.tasks = app.getBean(TaskService.class);
    this.identity = app.getBean(IdentityService.class);
    this.management = app.getBean(ManagementService.class);
    this.jobExecutor = app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
  }

  public static void main(String[] args) throws Exception {
    String url = TestPostgres.freshDatabase("offboarding_perf_bench");
    FakeAws aws = new FakeAws().seedOnFirstUse();
    Path mail = Files.createTempDirectory("perf-bench-mail");
    List<String> arguments = BenchmarkApplication.arguments(url, aws, mail);
    // settings to compare, e.g. -Dperf.bench.args="--camunda.bpm.job-execution.core-pool-size=3
    // --spring.datasource.hikari.maximum-pool-size=10"
    String extra = System.getProperty("perf.bench.args", "").trim();
    if (!extra.isEmpty()) {
      arguments.addAll(List.of(extra.split("\\s+")));
    }
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(MasterPayerOffboardingApplication.class)
            .profiles("local", "postgres")
            .initializers(
                context -> context.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
            .run(arguments.toArray(String[]::new));
    try {
      new PerformanceBenchmark(app).run(extra);
    } finally {
      app.close();
      aws.close();
      deleteQuietly(mail);
    }
  }

  private void run(String extra) throws Exception {
    memory.start();
    String environment =
        String.format(
            Locale.ROOT,
            "PostgreSQL %s, %d cores, JVM max heap %d MB, Java %s%s",
            jdbc.queryForObject("show server_version", String.class),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            System.getProperty("java.version"),
            extra.isEmpty() ? "" : ", with " + extra);
    fullJourneys();
    starts();
    queries();
    memory.stop();
    row(
        "memory",
        String.format(
            Locale.ROOT,
            "peak heap used %d MB of %d MB max; peak RSS %d MB (VmHWM)",
            memory.peakHeapMb(),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            MemorySampler.peakRssMb()));

    System.out.println();
    System.out.println("PERFORMANCE BENCHMARK on " + environment);
    rows.forEach(System.out::println);
  }

  // --- 1. full journeys --------------------------------------------------------------------------

  private void fullJourneys() throws Exception {
    StatementCounter.Counts before = StatementCounter.now();
    long writtenBefore = rowsWritten();
    Map<String, Long> lastHumanAction = new ConcurrentHashMap<>();
    Map<String, String> resellerOf = new ConcurrentHashMap<>();
    payers.register(JOURNEYS / 2 + 1, "acme", "globex");
    long start = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> starting = new ArrayList<>();
      for (int i = 0; i < JOURNEYS; i++) {
        String reseller = i % 2 == 0 ? "acme" : "globex";
        starting.add(workers.submit(() -> resellerOf.put(startThroughApi(reseller), reseller)));
      }
      for (Future<?> started : starting) {
        started.get();
      }
      drive(workers, resellerOf, lastHumanAction, Duration.ofMinutes(30));
    } finally {
      workers.shutdown();
    }
    double minutes = (System.nanoTime() - start) / 60e9;
    Thread.sleep(1_000); // PostgreSQL reports its counters about once a second
    StatementCounter.Counts used = StatementCounter.now().minus(before);
    long written = rowsWritten() - writtenBefore;
    List<Double> toCompletion = new ArrayList<>();
    jdbc.query(
        "select id::text, ended_at from offboarding where status = 'COMPLETED'",
        rs -> {
          Long last = lastHumanAction.get(rs.getString(1));
          if (last != null) {
            toCompletion.add((double) (rs.getTimestamp(2).getTime() - last));
          }
        });
    long verified =
        jdbc.queryForObject(
            "select count(*) from access_cleanup where status = 'VERIFIED'", Long.class);
    row(
        "journeys",
        String.format(
            Locale.ROOT,
            "%d full journeys (request to COMPLETED, %d access removals VERIFIED "
                + "through the IAM/STS test server) in %.1f s: %.0f journeys/min",
            JOURNEYS,
            verified,
            minutes * 60,
            JOURNEYS / minutes));
    row(
        "",
        String.format(
            Locale.ROOT,
            "SQL per journey: %.0f statements in %.0f round trips (JDBC, all threads), "
                + "%.0f rows written (pg_stat_database)",
            used.statements() / (double) JOURNEYS,
            used.roundTrips() / (double) JOURNEYS,
            written / (double) JOURNEYS));
    row(
        "",
        String.format(
            Locale.ROOT,
            "last human action to COMPLETED: p50=%.0f ms  p95=%.0f ms  max=%.0f ms  (n=%d)",
            percentile(toCompletion, 50),
            percentile(toCompletion, 95),
            percentile(toCompletion, 100),
            toCompletion.size()));
    row(
        "",
        String.format(
            Locale.ROOT, "peak heap used during journeys %d MB", memory.peakHeapMbAndReset()));
  }

  /**
   * Works every open task and uploads every awaited signed CTA until all offboardings are
   * completed: the reseller, sales and finance each act as soon as there is something for them.
   */
  private void drive(
      ExecutorService workers,
      Map<String, String> resellerOf,
      Map<String, Long> lastHumanAction,
      Duration patience)
      throws InterruptedException {
    byte[] signed = TestPdf.withText("signed by the reseller and the new party");
    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    AtomicInteger failures = new AtomicInteger();
    long deadline = System.nanoTime() + patience.toNanos();
    while (uncounted(
            () ->
                jdbc.queryForObject(
                    "select count(*) from offboarding where status = 'IN_PROGRESS'", Long.class))
        > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Journeys did not complete within " + patience);
      }
      if (failures.get() > 50) {
        throw new IllegalStateException("Too many failed user actions");
      }
      List<Task> open =
          uncounted(
              () ->
                  tasks
                      .createTaskQuery()
                      .processDefinitionKey(PROCESS)
                      .active()
                      .listPage(0, 2_000));
      for (Task task : open) {
        if (inFlight.add(task.getId())) {
          workers.submit(
              () -> {
                try {
                  work(task, resellerOf, lastHumanAction);
                } catch (OptimisticLockingException concurrentCompletion) {
                  // the parallel task of the same offboarding completed at the same moment: try
                  // again
                  inFlight.remove(task.getId());
                } catch (RuntimeException e) {
                  failures.incrementAndGet();
                  inFlight.remove(task.getId());
                  System.err.println("Task " + task.getTaskDefinitionKey() + " failed: " + e);
                }
              });
        }
      }
      List<ProcessInstance> awaitingSignature =
          uncounted(
              () ->
                  runtime
                      .createProcessInstanceQuery()
                      .processDefinitionKey(PROCESS)
                      .activityIdIn("ReceiveTask_AwaitSignedCta")
                      .list());
      for (ProcessInstance instance : awaitingSignature) {
        String id = instance.getBusinessKey();
        if (inFlight.add("cta:" + id)) {
          workers.submit(
              () -> {
                Api.Response upload =
                    api.put(
                        resellerOf.get(id),
                        "/api/offboardings/" + id + "/cta/signed",
                        "application/pdf",
                        signed);
                if (upload.status() != 202) {
                  failures.incrementAndGet();
                  inFlight.remove("cta:" + id);
                  System.err.println("Upload failed: " + upload);
                }
              });
        }
      }
      Thread.sleep(100);
    }
  }

  /** One user of the task's group claims and completes it, as in Tasklist. */
  private void work(Task task, Map<String, String> resellerOf, Map<String, Long> lastHumanAction) {
    boolean finance = task.getTaskDefinitionKey().equals("Task_ConfirmPaymentClearance");
    String user = finance ? "finance" : "sales";
    identity.setAuthentication(user, List.of(finance ? "finance" : "iaas-sales"));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(
          task.getId(), BenchmarkApplication.approvingOutcome(task.getTaskDefinitionKey()));
    } finally {
      identity.clearAuthentication();
    }
    if (HUMAN_LAST.contains(task.getTaskDefinitionKey())) {
      String offboardingId =
          uncounted(
              () ->
                  runtime
                      .createProcessInstanceQuery()
                      .processInstanceId(task.getProcessInstanceId())
                      .singleResult()
                      .getBusinessKey());
      lastHumanAction.merge(offboardingId, System.currentTimeMillis(), Math::max);
    }
  }

  // --- 2. starts: API against the raw engine
  // -------------------------------------------------------

  private void starts() throws Exception {
    awaitNoExecutableJobs();
    jobExecutor.shutdown();
    payers.register((STARTS / 2 + CONCURRENCY.length * STARTS) / 2 + 1, "acme", "globex");
    prepareRawRecords(STARTS / 2 + CONCURRENCY.length * STARTS);
    try {
      // warm-up of both paths, discarded
      measure(8, STARTS / 2, i -> startThroughApi(i % 2 == 0 ? "acme" : "globex"));
      List<String> raw = Collections.synchronizedList(new ArrayList<>());
      measure(8, STARTS / 2, i -> raw.add(startRaw()));
      for (int concurrency : CONCURRENCY) {
        Latencies viaApi =
            measure(concurrency, STARTS, i -> startThroughApi(i % 2 == 0 ? "acme" : "globex"));
        Latencies direct = measure(concurrency, STARTS, i -> raw.add(startRaw()));
        row(
            "start c=" + concurrency,
            String.format(
                Locale.ROOT,
                "API %6.1f/s  p50=%5.1f p95=%5.1f p99=%6.1f ms | raw engine %6.1f/s  p50=%5.1f p95=%5.1f p99=%6.1f ms | "
                    + "API/raw = %.2f",
                viaApi.perSecond(),
                viaApi.p(50),
                viaApi.p(95),
                viaApi.p(99),
                direct.perSecond(),
                direct.p(50),
                direct.p(95),
                direct.p(99),
                viaApi.perSecond() / direct.perSecond()));
      }
      // the raw starts' journeys go no further: remove them, and end their records
      for (int from = 0; from < raw.size(); from += 500) {
        runtime.deleteProcessInstances(
            raw.subList(from, Math.min(raw.size(), from + 500)),
            "benchmark: raw engine start",
            true,
            true);
      }
      jdbc.update(
          "update offboarding set status = 'WITHDRAWN', status_reason = 'benchmark: raw engine start', "
              + "ended_at = updated_at where requested_by = ?",
          RAW_REQUESTER);
    } finally {
      jobExecutor.start();
    }
  }

  private String startThroughApi(String reseller) {
    Api.Response created =
        api.postJson(
            reseller,
            "/api/offboardings",
            TestRequests.offboarding(payers.next(reseller)),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    if (created.status() != 201) {
      throw new IllegalStateException("Start failed: " + created);
    }
    return created.json().path("id").asText();
  }

  /**
   * The offboarding records the raw starts bind to, written before the measurement: the process's
   * start listener binds each instance to its record and refuses a business key without one.
   */
  private void prepareRawRecords(int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      rawRecords.add(id);
      rows.add(new Object[] {id, TestRequests.randomPayer(), RAW_REQUESTER});
    }
    jdbc.batchUpdate(
        """
        insert into offboarding (id, reseller_id, payer_account_id, status, stage, reason, contact_email,
          new_party_name, new_party_email, new_party_kind, requested_by, created_at, updated_at)
        values (?, 'ACME', ?, 'IN_PROGRESS', 'REVIEW', 'Moving to another distributor', 'ops@acme.example',
          'Contoso Distribution', 'billing@contoso.example', 'DISTRIBUTOR', ?, now(), now())""",
        rows);
  }

  /**
   * What the API's start hands the engine, without the API, the payer registry's check and the
   * insert of the offboarding record (written beforehand, {@link #prepareRawRecords}); the
   * process's own start listener binds the instance to it, as on the API's path.
   */
  private String startRaw() {
    UUID offboardingId = rawRecords.remove();
    Map<String, Object> request = TestRequests.offboarding(TestRequests.randomPayer());
    @SuppressWarnings("unchecked")
    Map<String, Object> party = (Map<String, Object>) request.get("newResponsibleParty");
    VariableMap variables =
        Variables.createVariables()
            .putValue("offboardingId", offboardingId.toString())
            .putValue("resellerId", "ACME")
            .putValue("payerAccountId", request.get("payerAccountId"))
            .putValue("requestReason", request.get("reason"))
            .putValue("contactEmail", request.get("contactEmail"))
            .putValue("newPartyName", party.get("name"))
            .putValue("newPartyEmail", party.get("email"))
            .putValue("newPartyKind", party.get("kind"))
            .putValue("requestedBy", "acme")
            .putValue("payerAccountName", "Benchmark payer " + request.get("payerAccountId"))
            .putValue("payerRegisteredSince", "2026-01-05T09:30:00Z")
            .putValue("payerRegistrySource", "csv-import");
    return runtime.startProcessInstanceByKey(PROCESS, offboardingId.toString(), variables).getId();
  }

  // --- 3. queries at OPEN open journeys
  // ------------------------------------------------------------

  private void queries() throws Exception {
    long open =
        jdbc.queryForObject(
            "select count(*) from offboarding where status = 'IN_PROGRESS'", Long.class);
    long topUp = Math.max(0, OPEN - open);
    long start = System.nanoTime();
    if (topUp > 0) {
      payers.register((int) topUp / 2 + 1, "acme", "globex");
      measure(8, (int) topUp, i -> startThroughApi(i % 2 == 0 ? "acme" : "globex"));
    }
    awaitNoExecutableJobs();
    double seedSeconds = (System.nanoTime() - start) / 1e9;
    jdbc.execute("analyze");
    List<Map<String, Object>> sample =
        jdbc.queryForList(
            "select id::text as id, reseller_id from offboarding "
                + "where status = 'IN_PROGRESS' order by random() limit "
                + SAMPLES);
    long openNow =
        jdbc.queryForObject(
            "select count(*) from offboarding where status = 'IN_PROGRESS'", Long.class);
    long groupTasks = tasks.createTaskQuery().taskCandidateGroup("iaas-sales").count();
    row(
        "open",
        String.format(
            Locale.ROOT,
            "%d open journeys (%d topped up through the API and their mails sent in "
                + "%.0f s), %d open iaas-sales tasks",
            openNow,
            topUp,
            seedSeconds,
            groupTasks));

    Latencies status =
        sequential(
            i -> {
              Map<String, Object> offboarding = sample.get(i % sample.size());
              return api.get(
                  ((String) offboarding.get("reseller_id")).toLowerCase(Locale.ROOT),
                  "/api/offboardings/" + offboarding.get("id"));
            });
    row("status", "GET /api/offboardings/{id} (reseller)                 " + status.summary());
    Random random = new Random(42);
    Latencies list =
        sequential(
            i ->
                api.get(
                    i % 2 == 0 ? "acme" : "globex",
                    "/api/offboardings?status=IN_PROGRESS&size=20&page=" + random.nextInt(50)));
    row("list", "GET /api/offboardings?status=IN_PROGRESS (20 a page)   " + list.summary());
    String filter =
        api.get("sales", "/engine-rest/filter?name=" + "My%20group%27s%20open%20tasks")
            .json()
            .path(0)
            .path("id")
            .asText();
    Latencies tasklist =
        sequential(
            TASKLIST_SAMPLES,
            i ->
                api.postJson(
                    "sales",
                    "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                    "{}",
                    Map.of("Accept", "application/hal+json")));
    row("tasklist", "filter \"My group's open tasks\" as sales (15, HAL)   " + tasklist.summary());
    Latencies count =
        sequential(
            TASKLIST_SAMPLES, i -> api.get("sales", "/engine-rest/filter/" + filter + "/count"));
    row("", "its count (Tasklist shows it beside the filter)        " + count.summary());
  }

  // --- measuring
  // -----------------------------------------------------------------------------------

  private record Latencies(List<Double> millis, double seconds) {

    double perSecond() {
      return millis.size() / seconds;
    }

    double p(int percentile) {
      return percentile(millis, percentile);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms",
          millis.size(),
          p(50),
          p(95),
          p(99));
    }
  }

  /**
   * Runs {@code total} calls on {@code concurrency} threads; the latency of each and the elapsed
   * time.
   */
  private static Latencies measure(int concurrency, int total, IntFunction<Object> call)
      throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        running.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    call.apply(i);
                    millis.add((System.nanoTime() - begin) / 1e6);
                  }
                  return null;
                }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
    } finally {
      threads.shutdown();
    }
    return new Latencies(List.copyOf(millis), (System.nanoTime() - start) / 1e9);
  }

  private static Latencies sequential(IntFunction<Api.Response> call) throws Exception {
    return sequential(SAMPLES, call);
  }

  /** Warm-up, then {@code samples} calls one after another; each must answer 200. */
  private static Latencies sequential(int samples, IntFunction<Api.Response> call)
      throws Exception {
    IntFunction<Object> checked =
        i -> {
          Api.Response response = call.apply(i);
          if (response.status() != 200) {
            throw new IllegalStateException("Request failed: " + response);
          }
          return response;
        };
    measure(1, 10, checked);
    return measure(1, samples, checked);
  }

  private void awaitNoExecutableJobs() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (uncounted(() -> management.createJobQuery().executable().count()) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Jobs did not drain within 30 minutes");
      }
      Thread.sleep(200);
    }
  }

  private long rowsWritten() {
    return uncounted(
        () ->
            jdbc.queryForObject(
                "select tup_inserted + tup_updated + tup_deleted from pg_stat_database "
                    + "where datname = current_database()",
                Long.class));
  }

  /** A line of the table, printed at once too (a slow phase then shows what the others gave). */
  private void row(String label, String text) {
    String line = String.format(Locale.ROOT, "%-12s %s", label, text);
    rows.add(line);
    System.out.println("[perf] " + line);
  }

  static double percentile(List<Double> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(
        Math.max(
            0,
            Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)));
  }

  /**
   * The heap's peak, sampled every 50 ms (the pools' own peaks miss nothing but reset per phase).
   */
  private static final class MemorySampler {
    private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong phasePeak = new AtomicLong();
    private volatile boolean running;

    void start() {
      running = true;
      Thread sampler =
          new Thread(
              () -> {
                while (running) {
                  long used = bean.getHeapMemoryUsage().getUsed();
                  peak.accumulateAndGet(used, Math::max);
                  phasePeak.accumulateAndGet(used, Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    void stop() {
      running = false;
    }

    long peakHeapMb() {
      return peak.get() / (1024 * 1024);
    }

    long peakHeapMbAndReset() {
      return phasePeak.getAndSet(0) / (1024 * 1024);
    }

    /** The process's peak resident set size, as Linux counts it. */
    static long peakRssMb() {
      try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
        return status
            .filter(line -> line.startsWith("VmHWM:"))
            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
            .findFirst()
            .orElse(-1);
      } catch (IOException e) {
        return -1;
      }
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Collections.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the system cleans it up eventually
    }
  }
}
