package com.ingrammicro.masterpayer.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.cleanup.AccessRemoval;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlan;
import com.ingrammicro.masterpayer.cleanup.PlannedRemoval;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.cleanup.VerificationOutcome;
import com.ingrammicro.masterpayer.cta.ESignature;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import com.ingrammicro.masterpayer.process.deadline.Sla;
import com.ingrammicro.masterpayer.process.deadline.SlaProperties;
import com.ingrammicro.masterpayer.process.deadline.SlaTimers;
import com.ingrammicro.masterpayer.process.humantask.AssignmentRule;
import com.ingrammicro.masterpayer.process.humantask.TaskNaming;
import com.ingrammicro.masterpayer.process.humantask.TaskOutcomeValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.mockito.stubbing.Answer;

/**
 * An in-memory engine for the process tests: the real BPMN, the real deadlines ({@link Sla}), the
 * real task rules ({@link TaskOutcomeValidator}), and recording stand-ins for what talks to the
 * outside (mail, documents, the offboarding record), so each test reads like the diagram.
 */
public final class ProcessTestEngine {

  public static final SlaProperties SLA =
      new SlaProperties(
          Map.of(
              "review-request", new SlaProperties.TaskSla(Duration.ofDays(2), Duration.ofDays(1)),
              "countersign-cta", new SlaProperties.TaskSla(Duration.ofDays(2), Duration.ofDays(1)),
              "hand-over-billing",
                  new SlaProperties.TaskSla(Duration.ofDays(5), Duration.ofDays(3)),
              "confirm-payment-clearance",
                  new SlaProperties.TaskSla(Duration.ofDays(3), Duration.ofDays(2)),
              "approve-removal-plan",
                  new SlaProperties.TaskSla(Duration.ofDays(2), Duration.ofDays(1)),
              "remove-access", new SlaProperties.TaskSla(Duration.ofDays(3), Duration.ofDays(2))),
          "R3/P7D",
          Duration.ofDays(30),
          Duration.ofDays(7));

  private ProcessTestEngine() {}

  static ProcessEngine build() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:offboarding-process-test;DB_CLOSE_DELAY=-1");
    configuration.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL);
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setJobExecutorActivate(false);
    // as application.yml: group ids such as "iaas-sales" carry a hyphen
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setProcessEngineName("offboarding-process-test");
    return configuration.buildProcessEngine();
  }

  /** Registers the beans the diagram's expressions name; returns the recorders. */
  static Recorders registerBeans(ProcessEngine engine) {
    Recorders recorders = new Recorders();
    // the real access-removal delegates, over a scripted AWS
    JourneyProgress offboardings = recorders.offboardings;
    Mocks.register(
        "planAccessRemovalDelegate",
        new PlanAccessRemovalDelegate(offboardings, recorders.accessRemoval));
    Mocks.register(
        "removeDistributorAccessDelegate",
        new RemoveDistributorAccessDelegate(offboardings, recorders.accessRemoval));
    Mocks.register(
        "verifyAccessRemovedDelegate",
        new VerifyAccessRemovedDelegate(offboardings, recorders.accessRemoval));
    Mocks.register(
        "accessRemovalAttestation", new AccessRemovalAttestation(recorders.accessRemoval));
    Mocks.register("removalPlanApproval", new RemovalPlanApproval(recorders.accessRemoval));
    Sla sla = new Sla(SLA);
    Mocks.register("sla", sla);
    Mocks.register("taskNaming", new TaskNaming(offboardings));
    Mocks.register("slaTimers", new SlaTimers(sla));
    Mocks.register("retries", new Retries(new RetryProperties("R3/PT5M", "R3/PT1M")));
    Mocks.register("taskOutcomeValidator", new TaskOutcomeValidator());
    Mocks.register("assignmentRule", new AssignmentRule(engine.getIdentityService()));
    Mocks.register("journey", recorders.journey);
    Mocks.register("sendMailDelegate", recorders.mails);
    Mocks.register(
        "requestESignatureDelegate",
        new RequestESignatureDelegate(offboardings, recorders.eSignature));
    Mocks.register(
        "issueCtaDelegate",
        (JavaDelegate)
            execution -> {
              OffboardingProcess.CTA_DOCUMENT_ID.on(execution).set("cta-document");
              OffboardingProcess.CTA_SHA256.on(execution).set("0".repeat(64));
            });
    return recorders;
  }

  static final String PAYER = "123456789012";

  static final class Recorders {
    final RecordingJourney journey = new RecordingJourney();
    final RecordingMails mails = new RecordingMails();

    /** Sends no envelope (no e-signature provider) unless a test scripts one. */
    final ESignature eSignature = mock(ESignature.class);

    /**
     * Plans nothing (round 1, for a person to approve) and verifies "nothing left" unless a test
     * scripts otherwise.
     */
    final AccessRemoval accessRemoval = mock(AccessRemoval.class);

    /** The offboarding record of every process instance: payer {@link #PAYER} of reseller ACME. */
    final JourneyProgress offboardings = mock(JourneyProgress.class);

    Recorders() {
      when(offboardings.get(any()))
          .thenAnswer(
              call ->
                  new Offboarding(
                      call.getArgument(0),
                      "ACME",
                      PAYER,
                      OffboardingStatus.IN_PROGRESS,
                      Stage.ACCESS_REMOVAL,
                      "reason",
                      "ops@acme.example",
                      null,
                      "acme",
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null));
      when(accessRemoval.plan(any(), any())).thenReturn(planned(1, true));
      when(accessRemoval.verify(any(), any(), anyBoolean()))
          .thenAnswer(verifying(Verification.Result.VERIFIED));
    }
  }

  /** An empty plan as round {@code round}, for a person to approve or approved by configuration. */
  static PlannedRemoval planned(int round, boolean approvalRequired) {
    return new PlannedRemoval(
        new AccessRemovalPlan(
            PAYER,
            "arn:aws:iam::" + PAYER + ":role/cleanup",
            Instant.parse("2026-11-26T09:00:00Z"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()),
        round,
        String.valueOf(round).repeat(64),
        approvalRequired,
        "This is the first plan.");
  }

  /**
   * What AWS answers the verification; the cleanup module's own outcome decides, from that answer
   * and from whether the delegate says a person attested the removal, whether the journey
   * completes.
   */
  static Answer<VerificationOutcome> verifying(Verification.Result result, String... remaining) {
    Verification verification =
        new Verification(
            result,
            List.of(remaining),
            result == Verification.Result.UNVERIFIABLE ? "AccessDenied: not authorized" : null,
            Instant.parse("2026-11-26T09:00:00Z"),
            "request-1");
    return call -> new VerificationOutcome(call.getArgument(1), verification, call.getArgument(2));
  }

  /** Stands in for {@link JourneyListener}: records what the diagram reports, in order. */
  public static final class RecordingJourney {
    final List<String> events = new ArrayList<>();

    public void begin(DelegateExecution execution) {
      events.add("begin");
    }

    public void enterStage(DelegateExecution execution, String stage) {
      events.add("stage " + stage);
    }

    public void awaitReseller(DelegateExecution execution, String action) {
      events.add("await " + action);
    }

    public void resellerActed(DelegateExecution execution) {
      events.add("acted");
    }

    public void conclude(DelegateExecution execution, String status) {
      events.add("conclude " + status);
    }

    List<String> stages() {
      return events.stream()
          .filter(event -> event.startsWith("stage "))
          .map(event -> event.substring(6))
          .toList();
    }

    List<String> conclusions() {
      return events.stream()
          .filter(event -> event.startsWith("conclude "))
          .map(event -> event.substring(9))
          .toList();
    }
  }

  /** Stands in for {@link SendMailDelegate}: records which notification each send task sent. */
  public static final class RecordingMails implements JavaDelegate {
    final List<String> sent = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
      String reminded = OffboardingProcess.REMINDED_TASK.fromLocal(execution);
      sent.add(
          OffboardingProcess.MAIL.fromLocal(execution) + (reminded == null ? "" : " " + reminded));
    }
  }
}
