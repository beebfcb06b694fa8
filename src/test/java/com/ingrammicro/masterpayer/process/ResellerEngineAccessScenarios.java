package com.ingrammicro.masterpayer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ingrammicro.masterpayer.cta.CtaJourney;
import com.ingrammicro.masterpayer.cta.SignatureReport;
import com.ingrammicro.masterpayer.cta.SignedCta;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourneys;
import com.ingrammicro.masterpayer.offboarding.OffboardingService;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Concurrently;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.system.AppUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine, not only the API, keeps resellers apart: a reseller's message correlations run as the
 * reseller with the engine's authorization checks on, and only its own reseller's process instances
 * are granted to it ({@link ResellerEngineAccess}). Run on H2 ({@link H2ResellerEngineAccessIT})
 * and on PostgreSQL ({@link PostgresResellerEngineAccessIT}).
 */
abstract class ResellerEngineAccessScenarios extends RunningApplication {

  private static final AppUser ACME = new AppUser("acme", List.of("resellers"), List.of("ACME"));
  private static final AppUser GLOBEX =
      new AppUser("globex", List.of("resellers"), List.of("GLOBEX"));

  @Autowired private OffboardingJourneys offboardingJourneys;
  @Autowired private CtaJourney ctaJourney;
  @Autowired private OffboardingService offboardings;
  @Autowired private AuthorizationService authorizationService;
  @Autowired private HistoryService historyService;
  @Autowired private IdentityService identityService;
  @Autowired private ResellerEngineAccess access;
  @Autowired private PlatformTransactionManager transactionManager;

  @Test
  void theEngineRefusesAnotherResellersWithdrawalAndSignedCta() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    journeys.work("sales", id, "Task_ReviewRequest", Map.of("approved", true));
    journeys.awaitView("acme", id, view -> Journeys.hasAction(view, "UPLOAD_SIGNED_CTA"));
    Offboarding acmes = offboardings.get(ACME, UUID.fromString(id));
    SignedCta signed =
        new SignedCta(
            UUID.randomUUID(),
            "0".repeat(64),
            1000,
            1,
            2,
            new SignatureReport(List.of(), false, false, List.of(), false));

    // the calls the API makes, handed another reseller's offboarding
    assertThatThrownBy(
            () -> offboardingJourneys.requestWithdrawal(acmes, "not mine to withdraw", GLOBEX))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> ctaJourney.signedCtaReceived(acmes, signed, GLOBEX))
        .isInstanceOf(AuthorizationException.class);

    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .userIdIn("globex")
                .resourceType(Resources.PROCESS_INSTANCE)
                .count())
        .as("nothing granted to globex")
        .isZero();
    assertThat(
            historyService
                .createUserOperationLogQuery()
                .processInstanceId(acmes.processInstanceId())
                .userId("globex")
                .count())
        .as("refused calls leave no operation")
        .isZero();
    assertThat(
            runtimeService
                .createExecutionQuery()
                .processInstanceId(acmes.processInstanceId())
                .messageEventSubscriptionName(OffboardingProcess.Messages.CTA_SIGNED)
                .count())
        .as("the journey still waits for acme's signed CTA")
        .isOne();
    journeys.uploadSignedCta("acme", id, TestPdf.withText("signed by Acme and Contoso"));
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .userIdIn("acme")
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(acmes.processInstanceId())
                .count())
        .as("acme holds a grant on its own instance only")
        .isOne();
  }

  @Test
  void everyClientOfTheResellerMayWithdrawItsOffboardingsIncludingThoseStartedBeforeTheirGrant() {
    String id = journeys.start("acme", TestRequests.randomPayer());
    // another API client of the same reseller, registered after the start
    Api.Response registered =
        api.postJson(
            "admin", "/api/admin/clients", Map.of("resellerId", "ACME", "name", "Acme operations"));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String colleague = registered.json().path("clientId").asText();
    api.client(colleague, registered.json().path("clientSecret").asText());

    Api.Response withdrawal =
        api.postJson(
            colleague,
            "/api/offboardings/" + id + "/withdrawal",
            Map.of("reason", "Withdrawn by a colleague"));

    assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(202);
    journeys.awaitStatus("acme", id, "WITHDRAWN");
    List<UserOperationLogEntry> logged =
        historyService
            .createUserOperationLogQuery()
            .processInstanceId(offboardings.get(ACME, UUID.fromString(id)).processInstanceId())
            .userId(colleague)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_CORRELATE_MESSAGE)
            .list();
    assertThat(logged)
        .extracting(UserOperationLogEntry::getProperty)
        .containsExactlyInAnyOrder("withdrawalReason", "messageName");
    assertThat(logged)
        .extracting(UserOperationLogEntry::getOperationId)
        .as("one operation, an entry per property")
        .containsOnly(logged.get(0).getOperationId());
  }

  @Test
  void concurrentWithdrawalsOfOneOffboardingLetExactlyOneThrough() throws Exception {
    String id = journeys.start("acme", TestRequests.randomPayer());

    List<Api.Response> responses =
        Concurrently.call(
            4,
            () ->
                api.postJson(
                    "acme", "/api/offboardings/" + id + "/withdrawal", Map.of("reason", "Twice")));

    assertThat(responses)
        .extracting(Api.Response::status)
        .as(responses.toString())
        .containsExactlyInAnyOrder(202, 409, 409, 409);
  }

  @Test
  void aGrantThatAConcurrentCallCreatedFirstMakesTheOtherCallRunAgainInsteadOfFailing()
      throws Exception {
    String id = journeys.start("acme", TestRequests.randomPayer());
    Offboarding acmes = offboardings.get(ACME, UUID.fromString(id));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch firstGranted = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          pool.submit(
              () ->
                  transaction.executeWithoutResult(
                      status -> {
                        access.allowCorrelation(ACME, acmes);
                        firstGranted.countDown();
                        awaitUninterruptibly(commitFirst);
                      }));
      assertThat(firstGranted.await(30, TimeUnit.SECONDS)).isTrue();
      // the second does not see the first's uncommitted grant, so it inserts the same one and waits
      // for the first
      Future<?> second =
          pool.submit(
              () ->
                  transaction.executeWithoutResult(status -> access.allowCorrelation(ACME, acmes)));
      Thread.sleep(2000);
      commitFirst.countDown();
      first.get(30, TimeUnit.SECONDS);

      assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
          .cause()
          .as("a concurrency failure, which RetryingTransactions runs again")
          .isInstanceOf(OptimisticLockingFailureException.class);
    } finally {
      commitFirst.countDown();
      pool.shutdownNow();
    }
    transaction.executeWithoutResult(status -> access.allowCorrelation(ACME, acmes));
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .userIdIn("acme")
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(acmes.processInstanceId())
                .count())
        .isOne();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
