package com.ingrammicro.masterpayer.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.TestSmtp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP outage delays mail but never loses it or ends a journey: the send job is retried on its
 * cycle (here 5 times, half a second apart) and, once retries are exhausted, becomes an incident
 * that an operator retries. The cycle is shorter than the other integration tests' (1 second) and
 * the job executor looks for due retries as often, so that waiting for the retries to run out takes
 * seconds; this class has an application of its own anyway, since it stops its SMTP server.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:mail-outage-it;DB_CLOSE_DELAY=-1",
      "offboarding.retries.mail=R5/PT0.5S",
      "camunda.bpm.job-execution.max-wait=500"
    })
@ActiveProfiles({"local", "it"})
class MailOutageIT {

  private static final TestSmtp SMTP = new TestSmtp();
  private static final String NOTIFY_SALES = "SendTask_NotifySalesOfRequest";

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    SMTP.registerWith(registry);
  }

  @LocalServerPort int port;

  @Autowired RuntimeService runtimeService;

  @Autowired ManagementService managementService;

  @Autowired JdbcClient jdbc;

  Api api;

  @BeforeEach
  void smtpIsDown() {
    SMTP.stop();
    api = new Api(port);
  }

  @AfterEach
  void smtpIsBack() {
    SMTP.start();
  }

  @Test
  void smtpOutageDelaysMailsAndRecoveryDeliversEveryOne() {
    List<String> ids = IntStream.range(0, 3).mapToObj(i -> start()).toList();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                ids.stream()
                    .allMatch(
                        id ->
                            notifyJob(id).getRetries() < 5
                                && notifyJob(id).getExceptionMessage() != null));
    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(
                      runtimeService
                          .createProcessInstanceQuery()
                          .processInstanceBusinessKey(id)
                          .active()
                          .count())
                  .isEqualTo(1);
              assertThat(sentMailRecords(id))
                  .as("nothing recorded as sent while SMTP is down")
                  .isZero();
            });

    SMTP.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids.stream().allMatch(id -> SMTP.mailsAbout(id).size() == 1));
    assertThat(ids)
        .allSatisfy(
            id -> {
              assertThat(SMTP.mailsAbout(id))
                  .singleElement()
                  .satisfies(
                      mail ->
                          assertThat(TestSmtp.header(mail, "X-Offboarding-Notification"))
                              .isEqualTo("REQUEST_RECEIVED"));
              // the record commits with the job's transaction, just after the SMTP server took the
              // mail
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> sentMailRecords(id) == 1 && reviewTasks(id) == 1);
            });
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
  }

  @Test
  void exhaustedRetriesBecomeAnIncidentAndTheJourneyResumesWhenRetried() {
    String id = start();

    await().atMost(Duration.ofSeconds(40)).until(() -> notifyJob(id).getRetries() == 0);
    String processInstanceId = processInstanceId(id);
    assertThat(
            runtimeService
                .createIncidentQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo(NOTIFY_SALES));
    assertThat(api.get("acme", "/api/offboardings/" + id).json().path("status").asText())
        .isEqualTo("IN_PROGRESS");

    SMTP.start();
    managementService.setJobRetries(notifyJob(id).getId(), 1);

    await().atMost(Duration.ofSeconds(30)).until(() -> reviewTasks(id) == 1);
    assertThat(SMTP.mailsAbout(id)).hasSize(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count())
        .isZero();
  }

  private String start() {
    String payer = new Journeys(api, runtimeService, managementService).registeredPayer("acme");
    Api.Response created =
        api.postJson("acme", "/api/offboardings", TestRequests.offboarding(payer));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("id").asText();
  }

  private String processInstanceId(String offboardingId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(offboardingId)
        .singleResult()
        .getId();
  }

  private Job notifyJob(String offboardingId) {
    return managementService
        .createJobQuery()
        .processInstanceId(processInstanceId(offboardingId))
        .activityId(NOTIFY_SALES)
        .singleResult();
  }

  private long reviewTasks(String offboardingId) {
    return api.get(
            "sales",
            "/engine-rest/task?processInstanceBusinessKey="
                + offboardingId
                + "&taskDefinitionKey=Task_ReviewRequest")
        .json()
        .size();
  }

  private long sentMailRecords(String offboardingId) {
    return jdbc.sql("select count(*) from sent_mail where offboarding_id = :id")
        .param("id", UUID.fromString(offboardingId))
        .query(Long.class)
        .single();
  }
}
