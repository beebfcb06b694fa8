package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_VERIFICATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.APPROVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.BILLING_HANDED_OVER;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CONTACTS_UPDATED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_ACCEPTED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_ENVELOPE_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_OUTCOME;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_PROVIDER;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.NOTES;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OFFBOARDING_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OUTSTANDING_AMOUNT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PAYER_ACCOUNT_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PAYMENT_CLEARED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PLAN_APPROVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PLAN_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.RESELLER_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.RETRY_AUTOMATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.SIGNED_CTA_SHA256;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.TAX_SETTINGS_UPDATED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.APPROVE_REMOVAL_PLAN;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.CONFIRM_PAYMENT_CLEARANCE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.COUNTERSIGN_CTA;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.HAND_OVER_BILLING;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.REMOVE_ACCESS_MANUALLY;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks.REVIEW_REQUEST;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.WITHDRAWAL_REASON;
import static com.ingrammicro.masterpayer.process.ProcessVariable.variables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalBlockedException;
import com.ingrammicro.masterpayer.cleanup.AccessRemovalPlanOutdatedException;
import com.ingrammicro.masterpayer.cleanup.RemovalPlanNotCurrentException;
import com.ingrammicro.masterpayer.cleanup.Verification;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.notification.Notification;
import com.ingrammicro.masterpayer.notification.NotificationRequest;
import com.ingrammicro.masterpayer.notification.Notifier;
import com.ingrammicro.masterpayer.process.OffboardingProcess.Elements;
import com.ingrammicro.masterpayer.process.OffboardingProcess.Messages;
import com.ingrammicro.masterpayer.process.humantask.InvalidTaskOutcomeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** Every path through {@code bpmn/offboarding.bpmn}, on the real model, one test per path. */
@Deployment(
    resources = {
      "bpmn/offboarding.bpmn",
      "bpmn/forms/review-request.form",
      "bpmn/forms/countersign-cta.form",
      "bpmn/forms/hand-over-billing.form",
      "bpmn/forms/confirm-payment-clearance.form",
      "bpmn/forms/approve-removal-plan.form",
      "bpmn/forms/remove-access-manually.form"
    })
class OffboardingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine =
      ProcessEngineExtension.builder().useProcessEngine(ProcessTestEngine.build()).build();

  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private ProcessTestEngine.Recorders recorders;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    recorders = ProcessTestEngine.registerBeans(engine.getProcessEngine());
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void approvedRequestRunsToCompletionThroughTheAutomatedAccessRemoval() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));
    clearBillingAndPayment(offboarding);

    removeAccessAutomatically(offboarding);
    execute(job("SendTask_NotifyCompletion"));

    assertThat(offboarding)
        .isEnded()
        .hasPassedInOrder(
            REVIEW_REQUEST,
            "ServiceTask_IssueCta",
            Elements.AWAIT_SIGNED_CTA,
            COUNTERSIGN_CTA,
            Elements.PLAN_ACCESS_REMOVAL,
            APPROVE_REMOVAL_PLAN,
            Elements.REMOVE_DISTRIBUTOR_ACCESS,
            Elements.VERIFY_ACCESS_REMOVED,
            "Event_OffboardingCompleted",
            "EndEvent_Completed")
        .hasNotPassed(REMOVE_ACCESS_MANUALLY);
    Assertions.assertThat(recorders.journey.stages())
        .containsExactly(
            "REVIEW",
            "CTA_SIGNATURE",
            "CTA_COUNTERSIGNATURE",
            "BILLING_AND_PAYMENT",
            "ACCESS_REMOVAL");
    Assertions.assertThat(recorders.journey.conclusions()).containsExactly("COMPLETED");
    Assertions.assertThat(recorders.mails.sent)
        .containsExactly(
            "REQUEST_RECEIVED",
            "CTA_FOR_SIGNATURE",
            "PAYMENT_CHECK_REQUESTED",
            "OFFBOARDING_COMPLETED");
    assertThat(offboarding).variables().containsEntry(ACCESS_VERIFICATION.name(), "VERIFIED");
  }

  @Test
  void blockedAutomationHandsOverToSalesAndVerifiesTheirRemovalAgain() {
    when(recorders.accessRemoval.plan(any(), any()))
        .thenThrow(
            new AccessRemovalBlockedException(
                "The cleanup role could not be assumed (AccessDenied: not authorized)", List.of()));
    ProcessInstance offboarding = approvedAndSettled();

    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    execute(job("SendTask_NotifySalesOfManualRemoval"));

    assertThat(offboarding)
        .isWaitingAt(REMOVE_ACCESS_MANUALLY)
        .hasNotPassed(Elements.REMOVE_DISTRIBUTOR_ACCESS);
    Assertions.assertThat(recorders.mails.sent).endsWith("ACCESS_REMOVAL_NEEDED");
    assertThat(task()).hasCandidateGroup("iaas-sales");
    assertThat(offboarding)
        .variables()
        .containsEntry(
            CLEANUP_FAILURE.name(),
            "The cleanup role could not be assumed (AccessDenied: not authorized)");
    Assertions.assertThat(CLEANUP_REMAINING.from(runtimeService(), offboarding.getId()))
        .startsWith("Unknown");

    // AWS still cannot be asked: the person's attestation completes the journey, recorded as such
    when(recorders.accessRemoval.verify(any(), any(), anyBoolean()))
        .thenAnswer(ProcessTestEngine.verifying(Verification.Result.UNVERIFIABLE));
    complete(
        task(),
        variables(
            ACCESS_REMOVED.with(true), NOTES.with("IMBillingRole and CloudCheckr roles deleted")));
    verify(recorders.accessRemoval)
        .attest(any(), any(), eq("IMBillingRole and CloudCheckr roles deleted"));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));
    verify(recorders.accessRemoval).verify(any(), any(), eq(true));
    execute(job("SendTask_NotifyCompletion"));

    assertThat(offboarding)
        .isEnded()
        .hasPassedInOrder(
            Elements.PLAN_ACCESS_REMOVAL,
            REMOVE_ACCESS_MANUALLY,
            Elements.VERIFY_ACCESS_REMOVED,
            "EndEvent_Completed");
    Assertions.assertThat(recorders.journey.conclusions()).containsExactly("COMPLETED");
  }

  @Test
  void salesCanSendTheWorkBackToTheAutomationOnceTheCauseIsFixed() {
    when(recorders.accessRemoval.plan(any(), any()))
        .thenThrow(
            new AccessRemovalBlockedException(
                "The cleanup role could not be assumed (AccessDenied)", List.of()))
        .thenReturn(ProcessTestEngine.planned(1, true));
    ProcessInstance offboarding = approvedAndSettled();
    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    execute(job("SendTask_NotifySalesOfManualRemoval"));

    complete(
        task(REMOVE_ACCESS_MANUALLY),
        variables(
            RETRY_AUTOMATION.with(true), NOTES.with("The reseller deployed the cleanup role")));
    removeAccessAutomatically(offboarding);
    execute(job("SendTask_NotifyCompletion"));

    assertThat(offboarding)
        .isEnded()
        .hasPassedInOrder(
            Elements.PLAN_ACCESS_REMOVAL,
            REMOVE_ACCESS_MANUALLY,
            Elements.RETRY_AUTOMATION_GATEWAY,
            Elements.PLAN_ACCESS_REMOVAL,
            Elements.REMOVE_DISTRIBUTOR_ACCESS,
            Elements.VERIFY_ACCESS_REMOVED,
            "EndEvent_Completed");
    verify(recorders.accessRemoval, never()).attest(any(), any(), any());
  }

  @Test
  void removalRefusedHalfwayHandsOverWithWhatRemains() {
    doThrow(
            new AccessRemovalBlockedException(
                "AWS refused to remove role CloudCheckrRole: UnmodifiableEntity: protected",
                List.of("role CloudCheckrRole", "policy CloudCheckrPolicy")))
        .when(recorders.accessRemoval)
        .remove(any(), any());
    ProcessInstance offboarding = approvedAndSettled();

    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true)));
    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job("SendTask_NotifySalesOfManualRemoval"));

    assertThat(offboarding).isWaitingAt(REMOVE_ACCESS_MANUALLY);
    Assertions.assertThat(CLEANUP_REMAINING.from(runtimeService(), offboarding.getId()))
        .isEqualTo("- role CloudCheckrRole\n- policy CloudCheckrPolicy\n");
  }

  @Test
  void verificationThatFindsAccessLeftSendsItToSalesUntilNothingRemains() {
    when(recorders.accessRemoval.verify(any(), any(), anyBoolean()))
        .thenAnswer(
            ProcessTestEngine.verifying(Verification.Result.REMAINING, "role IMBillingRole"))
        .thenAnswer(
            ProcessTestEngine.verifying(Verification.Result.REMAINING, "role IMBillingRole"))
        .thenAnswer(ProcessTestEngine.verifying(Verification.Result.VERIFIED));
    ProcessInstance offboarding = approvedAndSettled();
    removeAccessAutomatically(offboarding);
    execute(job("SendTask_NotifySalesOfManualRemoval"));

    assertThat(offboarding).isWaitingAt(REMOVE_ACCESS_MANUALLY);
    Assertions.assertThat(CLEANUP_REMAINING.from(runtimeService(), offboarding.getId()))
        .isEqualTo("- role IMBillingRole\n");

    // a confirmation that AWS contradicts does not complete the journey
    complete(task(), variables(ACCESS_REMOVED.with(true)));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));
    execute(job("SendTask_NotifySalesOfManualRemoval"));
    assertThat(offboarding).isWaitingAt(REMOVE_ACCESS_MANUALLY);

    complete(task(), variables(ACCESS_REMOVED.with(true)));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));
    assertThat(offboarding).isWaitingAt("SendTask_NotifyCompletion");
    assertThat(offboarding).variables().containsEntry(ACCESS_VERIFICATION.name(), "VERIFIED");
  }

  @Test
  void aPersonApprovesThePlanShownBeforeAnythingIsRemoved() {
    ProcessInstance offboarding = approvedAndSettled();
    execute(job(Elements.PLAN_ACCESS_REMOVAL));

    assertThat(offboarding).isWaitingAt(APPROVE_REMOVAL_PLAN);
    assertHumanTask(
        task(APPROVE_REMOVAL_PLAN), "iaas-sales", Duration.ofDays(2), "Form_ApproveRemovalPlan");
    assertThat(offboarding)
        .variables()
        .containsEntry(OffboardingProcess.CLEANUP_PLAN_ROUND.name(), 1)
        .containsEntry(OffboardingProcess.CLEANUP_PLAN_SHA256.name(), "1".repeat(64));
    verify(recorders.accessRemoval, never()).remove(any(), any());

    complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true)));
    verify(recorders.accessRemoval).approve(any(), eq(1), eq("1".repeat(64)), any());
    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));

    assertThat(offboarding)
        .hasPassedInOrder(
            Elements.PLAN_ACCESS_REMOVAL,
            APPROVE_REMOVAL_PLAN,
            Elements.REMOVE_DISTRIBUTOR_ACCESS,
            Elements.VERIFY_ACCESS_REMOVED)
        .isWaitingAt("SendTask_NotifyCompletion");
  }

  @Test
  void aRejectedPlanGoesToTheManualRemovalWithTheRejectionReason() {
    ProcessInstance offboarding = approvedAndSettled();
    execute(job(Elements.PLAN_ACCESS_REMOVAL));

    assertThatThrownBy(
            () -> complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(false))))
        .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
        .hasMessageContaining("planRejectionReason");
    complete(
        task(APPROVE_REMOVAL_PLAN),
        variables(
            PLAN_APPROVED.with(false),
            PLAN_REJECTION_REASON.with("The customer's CUR bucket must stay as it is")));
    execute(job("SendTask_NotifySalesOfManualRemoval"));

    assertThat(offboarding)
        .isWaitingAt(REMOVE_ACCESS_MANUALLY)
        .hasNotPassed(Elements.REMOVE_DISTRIBUTOR_ACCESS);
    verify(recorders.accessRemoval)
        .reject(
            any(),
            eq(1),
            eq("1".repeat(64)),
            any(),
            eq("The customer's CUR bucket must stay as it is"));
    verify(recorders.accessRemoval, never()).remove(any(), any());
    Assertions.assertThat(CLEANUP_FAILURE.from(runtimeService(), offboarding.getId()))
        .isEqualTo(
            "Removal plan round 1 was rejected by unauthenticated: The customer's CUR bucket must stay as it is");
  }

  @Test
  void anAccountChangedSinceTheApprovalIsPlannedAndApprovedAgain() {
    when(recorders.accessRemoval.plan(any(), any()))
        .thenReturn(ProcessTestEngine.planned(1, true))
        .thenReturn(ProcessTestEngine.planned(2, true));
    doThrow(new AccessRemovalPlanOutdatedException(1, List.of("role CloudCheckr-New is not in it")))
        .doNothing()
        .when(recorders.accessRemoval)
        .remove(any(), any());
    ProcessInstance offboarding = approvedAndSettled();
    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true)));

    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job(Elements.PLAN_ACCESS_REMOVAL));

    assertThat(offboarding).isWaitingAt(APPROVE_REMOVAL_PLAN);
    Assertions.assertThat(
            OffboardingProcess.CLEANUP_PLAN_ROUND.from(runtimeService(), offboarding.getId()))
        .isEqualTo(2);
    Assertions.assertThat(runtimeService().getVariable(offboarding.getId(), PLAN_APPROVED.name()))
        .as("the first round's answer does not carry over")
        .isNull();
    complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true)));
    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));

    assertThat(offboarding)
        .hasPassedInOrder(
            APPROVE_REMOVAL_PLAN,
            Elements.PLAN_OUTDATED,
            Elements.PLAN_ACCESS_REMOVAL,
            APPROVE_REMOVAL_PLAN,
            Elements.REMOVE_DISTRIBUTOR_ACCESS,
            Elements.VERIFY_ACCESS_REMOVED)
        .isWaitingAt("SendTask_NotifyCompletion");
    verify(recorders.accessRemoval).approve(any(), eq(1), eq("1".repeat(64)), any());
    verify(recorders.accessRemoval).approve(any(), eq(2), eq("2".repeat(64)), any());
  }

  @Test
  void aPlanApprovedByTheConfigurationIsRemovedWithoutAPersonsTask() {
    when(recorders.accessRemoval.plan(any(), any()))
        .thenReturn(ProcessTestEngine.planned(1, false));
    ProcessInstance offboarding = approvedAndSettled();

    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));

    assertThat(offboarding)
        .hasPassed(Elements.PLAN_APPROVAL_REQUIRED_GATEWAY, Elements.REMOVE_DISTRIBUTOR_ACCESS)
        .hasNotPassed(APPROVE_REMOVAL_PLAN)
        .isWaitingAt("SendTask_NotifyCompletion");
    verify(recorders.accessRemoval, never()).approve(any(), anyInt(), any(), any());
  }

  @Test
  void anApprovalOfAPlanRoundNoLongerCurrentIsRefusedAndTheTaskStaysOpen() {
    doThrow(new RemovalPlanNotCurrentException("Plan round 1 is no longer current"))
        .when(recorders.accessRemoval)
        .approve(any(), anyInt(), any(), any());
    ProcessInstance offboarding = approvedAndSettled();
    execute(job(Elements.PLAN_ACCESS_REMOVAL));

    assertThatThrownBy(
            () -> complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true))))
        .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
        .hasMessageContaining("Plan round 1 is no longer current");

    assertThat(offboarding).isWaitingAt(APPROVE_REMOVAL_PLAN);
    verify(recorders.accessRemoval, never()).remove(any(), any());
  }

  @Test
  void tasksAreNamedAfterTheRecordEvenWhenTheFactVariablesWereOverwritten() {
    ProcessInstance offboarding = requestApproved();
    // as an administrator could through engine-rest: another payer, a reseller id of the wrong type
    runtimeService().setVariable(offboarding.getId(), PAYER_ACCOUNT_ID.name(), "999999999999");
    runtimeService().setVariable(offboarding.getId(), RESELLER_ID.name(), 42);

    correlateSignedCta(offboarding);
    execute(job(COUNTERSIGN_CTA));

    Assertions.assertThat(task(COUNTERSIGN_CTA).getName())
        .isEqualTo("Countersign CTA – payer 123456789012 (ACME)");
  }

  @Test
  void aFailureWhileCreatingTheCountersignTaskBecomesAnIncidentNotAnErrorOfTheUpload() {
    ProcessInstance offboarding = requestApproved();
    when(recorders.offboardings.get(any()))
        .thenThrow(new IllegalStateException("No offboarding record"));

    correlateSignedCta(offboarding); // the upload's transaction: does not throw

    assertThat(offboarding).hasPassed(Elements.AWAIT_SIGNED_CTA);
    Job creation = job(COUNTERSIGN_CTA);
    for (int attempt = 0;
        attempt < 5
            && managementService()
                    .createJobQuery()
                    .jobId(creation.getId())
                    .singleResult()
                    .getRetries()
                > 0;
        attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(creation.getId()))
          .hasMessageContaining("No offboarding record");
    }
    Assertions.assertThat(
            runtimeService()
                .createIncidentQuery()
                .processInstanceId(offboarding.getId())
                .singleResult())
        .as("an incident for the operators")
        .isNotNull()
        .satisfies(
            incident -> {
              Assertions.assertThat(incident.getActivityId()).isEqualTo(COUNTERSIGN_CTA);
              Assertions.assertThat(incident.getIncidentMessage())
                  .contains("No offboarding record");
            });
    Assertions.assertThat(
            taskService().createTaskQuery().processInstanceId(offboarding.getId()).count())
        .isZero();
  }

  @Test
  void eachSendTaskHandsItsNotificationOverUnderItsJobSoThatEveryAttemptIsOneMail() {
    Notifier notifier = mock(Notifier.class);
    Mocks.register("sendMailDelegate", new SendMailDelegate(notifier, managementService()));
    doThrow(new IllegalStateException("SMTP down")).doNothing().when(notifier).send(any());
    String id = UUID.randomUUID().toString();
    ProcessInstance offboarding =
        runtimeService()
            .createProcessInstanceByKey(OffboardingProcess.KEY)
            .businessKey(id)
            .execute();
    assertThat(offboarding).isWaitingAt("SendTask_NotifySalesOfRequest");
    Job notifySales = job("SendTask_NotifySalesOfRequest");

    assertThatThrownBy(() -> managementService().executeJob(notifySales.getId()))
        .hasMessageContaining("SMTP down");
    execute(notifySales);
    execute(job("BoundaryEvent_ReviewReminder"));
    Job remindReview = job("SendTask_RemindReviewRequest");
    execute(remindReview);
    complete(task(), variables(APPROVED.with(false), REJECTION_REASON.with("Unknown payer")));
    Job notifyRejection = job("SendTask_NotifyRejection");
    execute(notifyRejection);

    ArgumentCaptor<NotificationRequest> sent = ArgumentCaptor.forClass(NotificationRequest.class);
    verify(notifier, times(4)).send(sent.capture());
    UUID offboardingId = UUID.fromString(id);
    Assertions.assertThat(sent.getAllValues())
        .extracting(
            NotificationRequest::notification,
            NotificationRequest::offboardingId,
            NotificationRequest::remindedTask,
            NotificationRequest::deliveryKey)
        .containsExactly(
            tuple(Notification.REQUEST_RECEIVED, offboardingId, null, notifySales.getId()),
            tuple(Notification.REQUEST_RECEIVED, offboardingId, null, notifySales.getId()),
            tuple(Notification.TASK_REMINDER, offboardingId, REVIEW_REQUEST, remindReview.getId()),
            tuple(Notification.REQUEST_REJECTED, offboardingId, null, notifyRejection.getId()));
    Assertions.assertThat(sent.getAllValues().get(3).outcomes().rejectionReason())
        .isEqualTo("Unknown payer");
    assertThat(offboarding).isEnded();
  }

  @Test
  void rejectedRequestEndsRejectedAndTellsTheReseller() {
    ProcessInstance offboarding = requestUnderReview();

    complete(
        task(),
        variables(
            APPROVED.with(false),
            REJECTION_REASON.with("Payer account belongs to another reseller")));

    assertThat(offboarding).isWaitingAt("SendTask_NotifyRejection");
    Assertions.assertThat(recorders.journey.conclusions()).containsExactly("REJECTED");
    execute(job());
    assertThat(offboarding)
        .isEnded()
        .hasPassed("EndEvent_RequestRejected", "EndEvent_Rejected")
        .hasNotPassed("ServiceTask_IssueCta");
    Assertions.assertThat(recorders.mails.sent)
        .containsExactly("REQUEST_RECEIVED", "REQUEST_REJECTED");
  }

  @Test
  void rejectionWithoutReasonIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance offboarding = requestUnderReview();
    String taskId = task().getId();

    assertThatThrownBy(() -> taskService().complete(taskId, variables(APPROVED.with(false))))
        .isInstanceOf(ProcessEngineException.class)
        .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
        .hasMessageContaining("'rejectionReason' is required");

    assertThat(offboarding).isWaitingAt(REVIEW_REQUEST);
    assertThat(task()).hasId(taskId);
  }

  @Test
  void aTaskCanBeClaimedOnlyByAMemberOfItsCandidateGroup() {
    IdentityService identity = engine.getProcessEngine().getIdentityService();
    identity.saveGroup(identity.newGroup("iaas-sales"));
    identity.saveUser(identity.newUser("seller"));
    identity.saveUser(identity.newUser("reseller"));
    identity.createMembership("seller", "iaas-sales");
    try {
      requestUnderReview();
      String taskId = task().getId();

      assertThatThrownBy(() -> taskService().claim(taskId, "reseller"))
          .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
          .hasMessageContaining(
              "only to a member of its candidate group (iaas-sales); 'reseller' is not one");
      assertThatThrownBy(() -> taskService().setAssignee(taskId, "nobody"))
          .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class);
      assertThat(task()).isNotAssigned();

      taskService().claim(taskId, "seller");
      assertThat(task()).isAssignedTo("seller");
      taskService().setAssignee(taskId, null);
      assertThat(task()).isNotAssigned();
    } finally {
      identity.deleteUser("seller");
      identity.deleteUser("reseller");
      identity.deleteGroup("iaas-sales");
    }
  }

  @Test
  void aStaffMemberTakesATaskByTheGroupsOfTheirOwnLoginNotThoseOfTheIdentityStore() {
    // a single sign-on: "carol" is nobody in Camunda's identity store, her login says iaas-sales;
    // "seller" is in iaas-sales there, his login says finance
    IdentityService identity = engine.getProcessEngine().getIdentityService();
    identity.saveGroup(identity.newGroup("iaas-sales"));
    identity.saveUser(identity.newUser("seller"));
    identity.createMembership("seller", "iaas-sales");
    try {
      requestUnderReview();
      String taskId = task().getId();

      identity.setAuthentication("carol", List.of("iaas-sales"));
      taskService().claim(taskId, "carol");
      assertThat(task()).isAssignedTo("carol");
      taskService().setAssignee(taskId, null);

      identity.setAuthentication("seller", List.of("finance"));
      assertThatThrownBy(() -> taskService().claim(taskId, "seller"))
          .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
          .hasMessageContaining("'seller' is not one");
      // given to someone else, the task goes to a member the identity store knows, only
      assertThatThrownBy(() -> taskService().setAssignee(taskId, "carol"))
          .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class);
      identity.setAuthentication("carol", List.of("iaas-sales"));
      taskService().setAssignee(taskId, "seller");
      assertThat(task()).isAssignedTo("seller");
    } finally {
      identity.clearAuthentication();
      identity.deleteUser("seller");
      identity.deleteGroup("iaas-sales");
    }
  }

  @Test
  void withdrawalBeforeAccessRemovalEndsWithdrawn() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));
    assertThat(offboarding).isWaitingAt(HAND_OVER_BILLING, "SendTask_RequestPaymentCheck");

    runtimeService()
        .createMessageCorrelation(Messages.WITHDRAWAL_REQUESTED)
        .processInstanceId(offboarding.getId())
        .setVariables(variables(WITHDRAWAL_REASON.with("Customer stays with Ingram Micro")))
        .correlate();

    assertThat(offboarding).isWaitingAt("SendTask_ConfirmWithdrawal");
    Assertions.assertThat(
            taskService().createTaskQuery().processInstanceId(offboarding.getId()).count())
        .isZero();
    execute(job("SendTask_ConfirmWithdrawal"));
    assertThat(offboarding)
        .isEnded()
        .hasPassed("StartEvent_WithdrawalRequested", "EndEvent_Withdrawn")
        .hasNotPassed(REMOVE_ACCESS_MANUALLY);
    Assertions.assertThat(recorders.journey.conclusions()).containsExactly("WITHDRAWN");
    Assertions.assertThat(recorders.mails.sent).endsWith("WITHDRAWAL_CONFIRMED");
  }

  @Test
  void withdrawalIsRefusedOnceAccessRemovalHasStarted() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));
    clearBillingAndPayment(offboarding);
    assertThat(offboarding).isWaitingAt(Elements.PLAN_ACCESS_REMOVAL);

    assertThatThrownBy(
            () ->
                runtimeService()
                    .createMessageCorrelation(Messages.WITHDRAWAL_REQUESTED)
                    .processInstanceId(offboarding.getId())
                    .correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(offboarding).isWaitingAt(Elements.PLAN_ACCESS_REMOVAL);
  }

  @Test
  void unsignedCtaExpires() {
    ProcessInstance offboarding = requestApproved();
    assertThat(offboarding).isWaitingAt(Elements.AWAIT_SIGNED_CTA);
    Job expiry = expiryTimer(offboarding);
    Assertions.assertThat(expiry.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));

    execute(expiry);

    assertThat(offboarding).isWaitingAt("SendTask_NotifyExpiry");
    execute(job());
    assertThat(offboarding)
        .isEnded()
        .hasPassed("EndEvent_CtaExpired", "EndEvent_Expired")
        .hasNotPassed(COUNTERSIGN_CTA);
    Assertions.assertThat(recorders.journey.conclusions()).containsExactly("EXPIRED");
    Assertions.assertThat(recorders.mails.sent)
        .containsExactly("REQUEST_RECEIVED", "CTA_FOR_SIGNATURE", "CTA_EXPIRED");
  }

  @Test
  void aDeclinedOrVoidedEnvelopeTellsResellerAndSalesAndTheSignatureWaitGoesOn() {
    when(recorders.eSignature.send(any()))
        .thenReturn(
            Optional.of(
                new ESignatureEnvelope(
                    UUID.randomUUID(), "docusign", "env-1", "SENT", null, null, null, null, null)));
    ProcessInstance offboarding = requestApproved();
    assertThat(offboarding)
        .variables()
        .containsEntry(ESIGNATURE_ENVELOPE_ID.name(), "env-1")
        .containsEntry(ESIGNATURE_PROVIDER.name(), "docusign");

    stopESignature(offboarding, "DECLINED", "Wrong legal entity");
    execute(job("SendTask_NotifyESignatureDeclined"));
    stopESignature(offboarding, "VOIDED", "Replaced");
    execute(job("SendTask_NotifyESignatureVoided"));

    assertThat(offboarding)
        .isWaitingAt(Elements.AWAIT_SIGNED_CTA)
        .hasPassed("EndEvent_ESignatureDeclinedNotified", "EndEvent_ESignatureVoidedNotified");
    Assertions.assertThat(recorders.mails.sent)
        .containsExactly(
            "REQUEST_RECEIVED", "CTA_FOR_SIGNATURE", "ESIGNATURE_DECLINED", "ESIGNATURE_VOIDED");
    // the fallback: the reseller uploads the CTA signed another way
    signCta(offboarding);
    assertThat(offboarding).isWaitingAt(COUNTERSIGN_CTA);
  }

  @Test
  void withoutAnESignatureProviderTheCtaStepRecordsNoEnvelope() {
    ProcessInstance offboarding = requestApproved();

    verify(recorders.eSignature).send(any());
    assertThat(offboarding)
        .hasPassed(Elements.REQUEST_ESIGNATURE)
        .variables()
        .doesNotContainKey(ESIGNATURE_ENVELOPE_ID.name());
  }

  private static void stopESignature(ProcessInstance offboarding, String outcome, String reason) {
    runtimeService()
        .createMessageCorrelation(Messages.ESIGNATURE_STOPPED)
        .processInstanceId(offboarding.getId())
        .setVariables(variables(ESIGNATURE_OUTCOME.with(outcome), ESIGNATURE_REASON.with(reason)))
        .correlate();
  }

  @Test
  void ctaSentBackForResignatureThenAccepted() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);

    complete(
        task(COUNTERSIGN_CTA),
        variables(CTA_ACCEPTED.with(false), CTA_REJECTION_REASON.with("Assignee did not sign")));
    execute(job("SendTask_RequestResignature"));
    assertThat(offboarding).isWaitingAt(Elements.AWAIT_SIGNED_CTA);
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));

    assertThat(offboarding).isWaitingAt(HAND_OVER_BILLING, "SendTask_RequestPaymentCheck");
    Assertions.assertThat(recorders.journey.stages())
        .containsExactly(
            "REVIEW",
            "CTA_SIGNATURE",
            "CTA_COUNTERSIGNATURE",
            "CTA_SIGNATURE",
            "CTA_COUNTERSIGNATURE",
            "BILLING_AND_PAYMENT");
    Assertions.assertThat(recorders.mails.sent).contains("CTA_RESIGNATURE_REQUESTED");
  }

  @Test
  void paymentNotClearedRemindsTheResellerWaitsAndAsksAgain() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));
    execute(job("SendTask_RequestPaymentCheck"));

    complete(
        task(CONFIRM_PAYMENT_CLEARANCE),
        variables(PAYMENT_CLEARED.with(false), OUTSTANDING_AMOUNT.with(1250.50)));
    execute(job("SendTask_RemindResellerOfPayment"));
    assertThat(offboarding).isWaitingAt(Elements.PAYMENT_GRACE_PERIOD, HAND_OVER_BILLING);
    Job gracePeriod = job(Elements.PAYMENT_GRACE_PERIOD);
    Assertions.assertThat(gracePeriod.getDuedate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));
    execute(gracePeriod);
    execute(job("SendTask_RequestPaymentCheck"));
    complete(task(CONFIRM_PAYMENT_CLEARANCE), variables(PAYMENT_CLEARED.with(true)));
    complete(
        task(HAND_OVER_BILLING),
        variables(
            BILLING_HANDED_OVER.with(true),
            TAX_SETTINGS_UPDATED.with(true),
            CONTACTS_UPDATED.with(true)));
    jobQuery().activityId("Gateway_HandoverJoin").list().forEach(BpmnAwareTests::execute);

    assertThat(offboarding).isWaitingAt(Elements.PLAN_ACCESS_REMOVAL);
    Assertions.assertThat(recorders.mails.sent)
        .containsSubsequence(
            "PAYMENT_CHECK_REQUESTED", "PAYMENT_OUTSTANDING", "PAYMENT_CHECK_REQUESTED");
    Assertions.assertThat(recorders.journey.events)
        .containsSubsequence("await SETTLE_BALANCE", "acted");
  }

  @Test
  void remindersFireWithoutInterruptingTheWork() {
    ProcessInstance offboarding = requestUnderReview();
    assertThat(task()).hasDueDate(Date.from(NOW.plus(Duration.ofDays(2))));
    Job reviewReminder = job("BoundaryEvent_ReviewReminder");
    Assertions.assertThat(reviewReminder.getDuedate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(1))));

    execute(reviewReminder);
    execute(job("SendTask_RemindReviewRequest"));
    assertThat(offboarding).isWaitingAt(REVIEW_REQUEST);

    complete(task(), variables(APPROVED.with(true)));
    execute(job("ServiceTask_IssueCta"));
    execute(job(Elements.REQUEST_ESIGNATURE));
    execute(job("SendTask_SendCtaForSignature"));
    execute(job("BoundaryEvent_CtaReminder"));
    execute(job("SendTask_RemindResellerToSign"));

    assertThat(offboarding).isWaitingAt(Elements.AWAIT_SIGNED_CTA);
    Assertions.assertThat(job("BoundaryEvent_CtaReminder"))
        .as("next reminder of the cycle")
        .isNotNull();
    Assertions.assertThat(recorders.mails.sent)
        .containsSubsequence("TASK_REMINDER Task_ReviewRequest", "CTA_SIGNATURE_REMINDER");
  }

  @Test
  void overdueTaskIsEscalatedWithoutInterruptingTheWork() {
    ProcessInstance offboarding = requestUnderReview();
    Job escalation = job("BoundaryEvent_ReviewOverdue");
    Assertions.assertThat(escalation.getDuedate())
        .as("the escalation fires when the task is due")
        .isEqualTo(task().getDueDate());

    execute(job("BoundaryEvent_ReviewReminder"));
    execute(job("SendTask_RemindReviewRequest"));
    execute(escalation);
    execute(job("SendTask_EscalateReview"));

    assertThat(offboarding)
        .isWaitingAt(REVIEW_REQUEST)
        .hasPassed("EndEvent_ReviewReminded", "EndEvent_ReviewEscalated");
    Assertions.assertThat(recorders.mails.sent)
        .endsWith("TASK_REMINDER Task_ReviewRequest", "TASK_OVERDUE Task_ReviewRequest");
    complete(task(), variables(APPROVED.with(true)));
    assertThat(offboarding).hasPassed(REVIEW_REQUEST);
  }

  @Test
  void movingTheDueDateMovesTheReminderAndTheEscalationWithIt() {
    requestUnderReview();
    Task review = task();
    Date later = Date.from(NOW.plus(Duration.ofDays(5)));

    review.setDueDate(later);
    taskService().saveTask(review);

    Assertions.assertThat(job("BoundaryEvent_ReviewOverdue").getDuedate()).isEqualTo(later);
    Assertions.assertThat(job("BoundaryEvent_ReviewReminder").getDuedate())
        .as("the reminder keeps its lead of one day before the due date")
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(4))));
  }

  @Test
  void aTaskKeepsItsDueDate() {
    requestUnderReview();
    Task review = task();
    review.setDueDate(null);

    assertThatThrownBy(() -> taskService().saveTask(review))
        .hasRootCauseInstanceOf(InvalidTaskOutcomeException.class)
        .rootCause()
        .hasMessageContaining("keeps its due date");
    Assertions.assertThat(task().getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
  }

  @Test
  void everyHumanTaskHasItsGroupDueDateAndDeployedForm() {
    ProcessInstance offboarding = requestUnderReview();
    assertHumanTask(task(), "iaas-sales", Duration.ofDays(2), "Form_ReviewRequest");
    complete(task(), variables(APPROVED.with(true)));
    execute(job());
    execute(job());
    execute(job());
    signCta(offboarding);
    assertHumanTask(task(), "iaas-sales", Duration.ofDays(2), "Form_CountersignCta");
    complete(task(), variables(CTA_ACCEPTED.with(true)));
    execute(job("SendTask_RequestPaymentCheck"));
    assertHumanTask(
        task(HAND_OVER_BILLING), "iaas-sales", Duration.ofDays(5), "Form_HandOverBilling");
    assertHumanTask(
        task(CONFIRM_PAYMENT_CLEARANCE),
        "finance",
        Duration.ofDays(3),
        "Form_ConfirmPaymentClearance");
    complete(
        task(HAND_OVER_BILLING),
        variables(
            BILLING_HANDED_OVER.with(true),
            TAX_SETTINGS_UPDATED.with(true),
            CONTACTS_UPDATED.with(true)));
    complete(task(CONFIRM_PAYMENT_CLEARANCE), variables(PAYMENT_CLEARED.with(true)));
    jobQuery().activityId("Gateway_HandoverJoin").list().forEach(BpmnAwareTests::execute);
    when(recorders.accessRemoval.plan(any(), any()))
        .thenThrow(new AccessRemovalBlockedException("AccessDenied", List.of()));
    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    execute(job("SendTask_NotifySalesOfManualRemoval"));
    assertHumanTask(
        task(REMOVE_ACCESS_MANUALLY),
        "iaas-sales",
        Duration.ofDays(3),
        "Form_RemoveAccessManually");
  }

  private static void assertHumanTask(Task task, String group, Duration due, String formId) {
    assertThat(task).hasCandidateGroup(group).hasDueDate(Date.from(NOW.plus(due)));
    Assertions.assertThat(task.getName())
        .as("Tasklist names the payer")
        .endsWith(" – payer 123456789012 (ACME)");
    OffboardingProcess.TaskSla sla = OffboardingProcess.TASK_SLAS.get(task.getTaskDefinitionKey());
    Assertions.assertThat(sla).as("SLA of " + task.getTaskDefinitionKey()).isNotNull();
    Assertions.assertThat(
            jobQuery()
                .executionId(task.getExecutionId())
                .activityId(sla.overdueTimer())
                .singleResult()
                .getDuedate())
        .as("escalation timer")
        .isEqualTo(task.getDueDate());
    Assertions.assertThat(
            jobQuery()
                .executionId(task.getExecutionId())
                .activityId(sla.reminderTimer())
                .singleResult()
                .getDuedate())
        .as("reminder timer")
        .isBefore(task.getDueDate());
    Assertions.assertThat(task.getDescription()).as("documentation shown in Tasklist").isNotBlank();
    try (InputStream form =
        engine.getProcessEngine().getFormService().getDeployedTaskForm(task.getId())) {
      Assertions.assertThat(new ObjectMapper().readTree(form).path("id").asText())
          .isEqualTo(formId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessInstance requestUnderReview() {
    String id = UUID.randomUUID().toString();
    ProcessInstance offboarding =
        runtimeService()
            .createProcessInstanceByKey(OffboardingProcess.KEY)
            .businessKey(id)
            .setVariables(
                variables(
                    OFFBOARDING_ID.with(id),
                    PAYER_ACCOUNT_ID.with("123456789012"),
                    RESELLER_ID.with("ACME")))
            .execute();
    assertThat(offboarding).isWaitingAt("SendTask_NotifySalesOfRequest");
    execute(job());
    assertThat(offboarding).isWaitingAt(REVIEW_REQUEST);
    return offboarding;
  }

  private ProcessInstance requestApproved() {
    ProcessInstance offboarding = requestUnderReview();
    complete(task(), variables(APPROVED.with(true)));
    execute(job("ServiceTask_IssueCta"));
    execute(job(Elements.REQUEST_ESIGNATURE));
    execute(job("SendTask_SendCtaForSignature"));
    return offboarding;
  }

  private static void signCta(ProcessInstance offboarding) {
    correlateSignedCta(offboarding);
    execute(job(COUNTERSIGN_CTA));
    assertThat(offboarding).isWaitingAt(COUNTERSIGN_CTA);
    assertThat(task(COUNTERSIGN_CTA)).isNotNull();
  }

  /**
   * What the reseller's upload does in its own transaction: the task itself is created by a job.
   */
  private static void correlateSignedCta(ProcessInstance offboarding) {
    assertThat(offboarding).isWaitingAt(Elements.AWAIT_SIGNED_CTA);
    runtimeService()
        .createMessageCorrelation(Messages.CTA_SIGNED)
        .processInstanceId(offboarding.getId())
        .setVariables(variables(SIGNED_CTA_SHA256.with("f".repeat(64))))
        .correlate();
  }

  private static void clearBillingAndPayment(ProcessInstance offboarding) {
    assertThat(offboarding).isWaitingAt(HAND_OVER_BILLING, "SendTask_RequestPaymentCheck");
    execute(job("SendTask_RequestPaymentCheck"));
    complete(
        task(HAND_OVER_BILLING),
        variables(
            BILLING_HANDED_OVER.with(true),
            TAX_SETTINGS_UPDATED.with(true),
            CONTACTS_UPDATED.with(true)));
    complete(task(CONFIRM_PAYMENT_CLEARANCE), variables(PAYMENT_CLEARED.with(true)));
    jobQuery().activityId("Gateway_HandoverJoin").list().forEach(BpmnAwareTests::execute);
  }

  private ProcessInstance approvedAndSettled() {
    ProcessInstance offboarding = requestApproved();
    signCta(offboarding);
    complete(task(COUNTERSIGN_CTA), variables(CTA_ACCEPTED.with(true)));
    clearBillingAndPayment(offboarding);
    return offboarding;
  }

  private static void removeAccessAutomatically(ProcessInstance offboarding) {
    assertThat(offboarding).isWaitingAt(Elements.PLAN_ACCESS_REMOVAL);
    execute(job(Elements.PLAN_ACCESS_REMOVAL));
    complete(task(APPROVE_REMOVAL_PLAN), variables(PLAN_APPROVED.with(true)));
    execute(job(Elements.REMOVE_DISTRIBUTOR_ACCESS));
    execute(job(Elements.VERIFY_ACCESS_REMOVED));
  }

  private static Job expiryTimer(ProcessInstance offboarding) {
    return jobQuery()
        .processInstanceId(offboarding.getId())
        .activityId("BoundaryEvent_CtaExpired")
        .singleResult();
  }
}
