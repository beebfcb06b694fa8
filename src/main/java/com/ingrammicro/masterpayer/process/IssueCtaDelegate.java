package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_DOCUMENT_ID;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_SHA256;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.offboardingId;

import com.ingrammicro.masterpayer.cta.CtaService;
import com.ingrammicro.masterpayer.cta.Document;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Issue Consent to Assignment": produces the CTA once and records its id and digest.
 */
@Component("issueCtaDelegate")
class IssueCtaDelegate implements JavaDelegate {

  private final JourneyProgress offboardings;
  private final CtaService ctas;

  IssueCtaDelegate(JourneyProgress offboardings, CtaService ctas) {
    this.offboardings = offboardings;
    this.ctas = ctas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Document cta = ctas.issue(offboardings.get(offboardingId(execution)));
    CTA_DOCUMENT_ID.on(execution).set(cta.id().toString());
    CTA_SHA256.on(execution).set(cta.sha256());
  }
}
