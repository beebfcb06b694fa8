package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.Variables;

import com.ingrammicro.masterpayer.cta.CtaSignatureWorkflow;
import com.ingrammicro.masterpayer.cta.SignedCta;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingWorkflow;
import com.ingrammicro.masterpayer.system.AppUser;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The journey on the Camunda engine: starts process instances and correlates the reseller's
 * messages. A message the process is not waiting for is a "no" (the caller answers 409); a
 * concurrent change of the same instance surfaces as Spring's {@link OptimisticLockingFailureException}
 * so callers can retry. Every call runs as the API caller ({@link EngineAuthentication}), with the
 * engine's authorization checks and the grants of {@link ResellerEngineAccess}, so the engine's
 * history says who started, withdrew or handed in a signed CTA.
 */
@Component
class CamundaOffboardingWorkflow implements OffboardingWorkflow, CtaSignatureWorkflow {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ResellerEngineAccess access;
  private final CorrelationOperationLog operationLog;

  CamundaOffboardingWorkflow(RuntimeService runtimeService, IdentityService identityService,
      ResellerEngineAccess access, CorrelationOperationLog operationLog) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.access = access;
    this.operationLog = operationLog;
  }

  @Override
  public String start(Offboarding offboarding, AppUser actor) {
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables()
        .putValue(Variables.OFFBOARDING_ID, offboarding.id().toString())
        .putValue(Variables.RESELLER_ID, offboarding.resellerId())
        .putValue(Variables.PAYER_ACCOUNT_ID, offboarding.payerAccountId())
        .putValue(Variables.REQUEST_REASON, offboarding.reason())
        .putValue(Variables.CONTACT_EMAIL, offboarding.contactEmail())
        .putValue(Variables.NEW_PARTY_NAME, offboarding.newResponsibleParty().name())
        .putValue(Variables.NEW_PARTY_EMAIL, offboarding.newResponsibleParty().email())
        .putValue(Variables.NEW_PARTY_KIND, offboarding.newResponsibleParty().kind().name())
        .putValue(Variables.REQUESTED_BY, offboarding.requestedBy());
    return EngineAuthentication.runAs(identityService, actor, () -> runtimeService
        .createProcessInstanceByKey(OffboardingProcess.KEY)
        .businessKey(offboarding.id().toString())
        .setVariables(variables)
        .execute()
        .getId());
  }

  @Override
  public boolean requestWithdrawal(Offboarding offboarding, String reason, AppUser actor) {
    return correlate(actor, offboarding, OffboardingProcess.Messages.WITHDRAWAL_REQUESTED,
        Map.of(Variables.WITHDRAWAL_REASON, reason));
  }

  @Override
  public boolean signedCtaReceived(Offboarding offboarding, SignedCta signed, AppUser actor) {
    return correlate(actor, offboarding, OffboardingProcess.Messages.CTA_SIGNED, Map.of(
        Variables.SIGNED_CTA_DOCUMENT_ID, signed.documentId().toString(),
        Variables.SIGNED_CTA_SHA256, signed.sha256(),
        Variables.SIGNED_CTA_SIZE_BYTES, signed.sizeBytes(),
        Variables.SIGNED_CTA_PAGE_COUNT, signed.pageCount(),
        Variables.SIGNED_CTA_SIGNATURE_COUNT, signed.signatureCount()));
  }

  private boolean correlate(AppUser actor, Offboarding offboarding, String message, Map<String, Object> variables) {
    String processInstanceId = offboarding.processInstanceId();
    return translated(() -> {
      access.allowCorrelation(actor, offboarding);
      return EngineAuthentication.runAs(identityService, actor,
          () -> operationLog.logged(processInstanceId, message, variables, () -> {
            try {
              runtimeService.createMessageCorrelation(message)
                  .processInstanceId(processInstanceId)
                  .setVariables(variables)
                  .correlateWithResult();
              return true;
            } catch (MismatchingMessageCorrelationException notWaiting) {
              return false;
            }
          }));
    });
  }

  private static <T> T translated(Supplier<T> engineCall) {
    try {
      return engineCall.get();
    } catch (OptimisticLockingException concurrentChange) {
      throw new OptimisticLockingFailureException("The offboarding's process instance changed concurrently", concurrentChange);
    }
  }
}
