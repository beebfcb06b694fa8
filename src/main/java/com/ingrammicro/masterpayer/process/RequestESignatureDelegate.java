package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_ENVELOPE_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.ESIGNATURE_PROVIDER;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cta.ESignature;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Send the CTA for e-signature": where the installation signs through a provider, the
 * issued CTA goes out as one envelope to the reseller and the new responsible party (once, however
 * often the job runs); elsewhere it does nothing and the reseller uploads the signed CTA.
 */
@Component("requestESignatureDelegate")
class RequestESignatureDelegate implements JavaDelegate {

  private final JourneyProgress offboardings;
  private final ESignature eSignature;

  RequestESignatureDelegate(JourneyProgress offboardings, ESignature eSignature) {
    this.offboardings = offboardings;
    this.eSignature = eSignature;
  }

  @Override
  public void execute(DelegateExecution execution) {
    eSignature
        .send(offboardings.get(offboardingId(execution)))
        .ifPresent(
            envelope -> {
              ESIGNATURE_PROVIDER.on(execution).set(envelope.provider());
              ESIGNATURE_ENVELOPE_ID.on(execution).set(envelope.envelopeId());
            });
  }
}
