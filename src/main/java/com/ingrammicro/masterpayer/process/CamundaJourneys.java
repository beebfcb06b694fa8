package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.ProcessVariable.variables;

import com.ingrammicro.masterpayer.cta.CtaJourney;
import com.ingrammicro.masterpayer.cta.SignatureReportText;
import com.ingrammicro.masterpayer.cta.SignedCta;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingJourneys;
import com.ingrammicro.masterpayer.registry.PayerAccount;
import com.ingrammicro.masterpayer.system.AppUser;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * concurrent change of the same instance surfaces as Spring's {@link
 * OptimisticLockingFailureException} so callers can retry. Every call runs as the API caller
 * ({@link EngineAuthentication}), with the engine's authorization checks and the grants of {@link
 * ResellerEngineAccess}, so the engine's history says who started, withdrew or handed in a signed
 * CTA.
 */
@Component
class CamundaJourneys implements OffboardingJourneys, CtaJourney {

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ResellerEngineAccess access;
  private final CorrelationOperationLog operationLog;

  CamundaJourneys(
      RuntimeService runtimeService,
      IdentityService identityService,
      ResellerEngineAccess access,
      CorrelationOperationLog operationLog) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.access = access;
    this.operationLog = operationLog;
  }

  @Override
  public String start(Offboarding offboarding, PayerAccount registryEntry, AppUser actor) {
    VariableMap variables =
        variables(
            OffboardingProcess.OFFBOARDING_ID.with(offboarding.id().toString()),
            OffboardingProcess.RESELLER_ID.with(offboarding.resellerId()),
            OffboardingProcess.PAYER_ACCOUNT_ID.with(offboarding.payerAccountId()),
            OffboardingProcess.REQUEST_REASON.with(offboarding.reason()),
            OffboardingProcess.CONTACT_EMAIL.with(offboarding.contactEmail()),
            OffboardingProcess.NEW_PARTY_NAME.with(offboarding.newResponsibleParty().name()),
            OffboardingProcess.NEW_PARTY_EMAIL.with(offboarding.newResponsibleParty().email()),
            OffboardingProcess.NEW_PARTY_KIND.with(offboarding.newResponsibleParty().kind().name()),
            OffboardingProcess.REQUESTED_BY.with(offboarding.requestedBy()),
            OffboardingProcess.PAYER_ACCOUNT_NAME.with(registryEntry.name()),
            OffboardingProcess.PAYER_REGISTERED_SINCE.with(
                registryEntry.since().toInstant().truncatedTo(ChronoUnit.SECONDS).toString()),
            OffboardingProcess.PAYER_REGISTRY_SOURCE.with(registryEntry.source().value()));
    return EngineAuthentication.runAs(
        identityService,
        actor,
        () ->
            runtimeService
                .createProcessInstanceByKey(OffboardingProcess.KEY)
                .businessKey(offboarding.id().toString())
                .setVariables(variables)
                .execute()
                .getId());
  }

  @Override
  public boolean requestWithdrawal(Offboarding offboarding, String reason, AppUser actor) {
    return correlate(
        actor,
        offboarding,
        OffboardingProcess.Messages.WITHDRAWAL_REQUESTED,
        variables(OffboardingProcess.WITHDRAWAL_REASON.with(reason)));
  }

  @Override
  public boolean signedCtaReceived(Offboarding offboarding, SignedCta signed, AppUser actor) {
    return correlate(
        actor, offboarding, OffboardingProcess.Messages.CTA_SIGNED, signedCtaVariables(signed));
  }

  @Override
  public boolean signedCtaReceivedFromESignature(
      Offboarding offboarding, SignedCta signed, String providerUserId) {
    return correlateForProvider(
        providerUserId,
        offboarding,
        OffboardingProcess.Messages.CTA_SIGNED,
        signedCtaVariables(signed));
  }

  /** What the journey and the countersignature form know of a signed copy. */
  private static Map<String, Object> signedCtaVariables(SignedCta signed) {
    return variables(
        OffboardingProcess.SIGNED_CTA_DOCUMENT_ID.with(signed.documentId().toString()),
        OffboardingProcess.SIGNED_CTA_SHA256.with(signed.sha256()),
        OffboardingProcess.SIGNED_CTA_SIZE_BYTES.with(signed.sizeBytes()),
        OffboardingProcess.SIGNED_CTA_PAGE_COUNT.with(signed.pageCount()),
        OffboardingProcess.SIGNED_CTA_SIGNATURE_COUNT.with(signed.signatureCount()),
        OffboardingProcess.SIGNED_CTA_SIGNATURES.with(
            SignatureReportText.signatures(signed.report())),
        OffboardingProcess.SIGNED_CTA_ISSUED_CTA_VERDICT.with(
            SignatureReportText.issuedCta(signed.report())),
        OffboardingProcess.SIGNED_CTA_DERIVED_FROM_ISSUED.with(
            signed.report().derivedFromIssuedCta()));
  }

  @Override
  public boolean eSignatureStopped(
      Offboarding offboarding, String providerUserId, String outcome, String reason) {
    return correlateForProvider(
        providerUserId,
        offboarding,
        OffboardingProcess.Messages.ESIGNATURE_STOPPED,
        variables(
            OffboardingProcess.ESIGNATURE_OUTCOME.with(outcome),
            OffboardingProcess.ESIGNATURE_REASON.with(reason)));
  }

  /**
   * Correlates on behalf of an e-signature provider: no reseller user acts, the provider does, and
   * the engine's history and operation log name it. It gets UPDATE on this one instance, as a
   * reseller user would.
   */
  private boolean correlateForProvider(
      String providerUserId,
      Offboarding offboarding,
      String message,
      Map<String, Object> variables) {
    AppUser provider = new AppUser(providerUserId, List.of(), List.of());
    return correlate(
        provider,
        offboarding,
        message,
        variables,
        () -> access.allowProviderCorrelation(providerUserId, offboarding));
  }

  private boolean correlate(
      AppUser actor, Offboarding offboarding, String message, Map<String, Object> variables) {
    return correlate(
        actor, offboarding, message, variables, () -> access.allowCorrelation(actor, offboarding));
  }

  private boolean correlate(
      AppUser actor,
      Offboarding offboarding,
      String message,
      Map<String, Object> variables,
      Runnable grant) {
    String processInstanceId = offboarding.processInstanceId();
    return translated(
        () -> {
          grant.run();
          return EngineAuthentication.runAs(
              identityService,
              actor,
              () ->
                  operationLog.logged(
                      processInstanceId,
                      message,
                      variables,
                      () -> {
                        try {
                          runtimeService
                              .createMessageCorrelation(message)
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
      throw new OptimisticLockingFailureException(
          "The offboarding's process instance changed concurrently", concurrentChange);
    }
  }
}
