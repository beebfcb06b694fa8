package com.ingrammicro.masterpayer.cta.esignature;

import com.ingrammicro.masterpayer.cta.CtaService;
import com.ingrammicro.masterpayer.cta.CtaSignatureAnchors;
import com.ingrammicro.masterpayer.cta.ESignature;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.ESignatureQuery;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.system.Resellers;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The CTA's e-signature through DocuSign: one envelope per offboarding, sent when the CTA is
 * issued. Recorded in {@code cta_envelope} in the sending job's transaction; before it sends, it
 * looks for the offboarding's envelope in that table and at DocuSign (listStatusChanges with the
 * offboarding's custom field), so a job that died between DocuSign's answer and its commit, and
 * runs again, finds the envelope instead of sending a second one.
 */
@Service
class ESignatureService implements ESignature, ESignatureQuery {

  /** DocuSign's user id in the journey's trail (the operation log names it). */
  static final String DOCUSIGN_USER = "docusign";

  static final String DOCUSIGN_NAME = "DocuSign";

  private static final Logger log = LoggerFactory.getLogger(ESignatureService.class);

  private final ESignatureProperties properties;
  private final DocuSignApi docuSign;
  private final EnvelopeRepository envelopes;
  private final CtaService ctas;
  private final Resellers resellers;
  private final Clock clock;

  ESignatureService(
      ESignatureProperties properties,
      EnvelopeRepository envelopes,
      CtaService ctas,
      Resellers resellers,
      ObjectProvider<DocuSignApi> docuSign,
      Clock clock) {
    this.properties = properties;
    this.docuSign = docuSign.getIfAvailable();
    this.envelopes = envelopes;
    this.ctas = ctas;
    this.resellers = resellers;
    this.clock = clock;
  }

  @Override
  public Optional<String> providerName() {
    return docuSign != null ? Optional.of(DOCUSIGN_NAME) : Optional.empty();
  }

  @Override
  public Optional<ESignatureEnvelope> send(Offboarding offboarding) {
    if (docuSign == null) {
      return Optional.empty();
    }
    Optional<ESignatureEnvelope> recorded = envelopes.findByOffboarding(offboarding.id());
    if (recorded.isPresent()) {
      return recorded;
    }
    // DocuSign filters on the time of the envelope's last change: none can predate the request
    OffsetDateTime since = offboarding.createdAt().minusDays(1);
    List<DocuSignApi.CreatedEnvelope> existing = docuSign.envelopesOf(offboarding.id(), since);
    DocuSignApi.CreatedEnvelope envelope;
    if (!existing.isEmpty()) {
      envelope = existing.get(0);
      log.warn(
          "Envelope {} of offboarding {} exists at DocuSign but was not recorded (a job that sent it"
              + " did not commit): recorded now, not sent again",
          envelope.envelopeId(),
          offboarding.id());
    } else {
      CtaService.DocumentContent cta = ctas.issued(offboarding.id());
      envelope =
          docuSign.create(
              offboarding.id(),
              properties
                  .docusign()
                  .emailSubject()
                  .replace("{payerAccountId}", offboarding.payerAccountId()),
              cta.document().fileName(),
              cta.content(),
              List.of(
                  new DocuSignApi.SignerSpec(
                      resellers.displayName(offboarding.resellerId()),
                      offboarding.contactEmail(),
                      1,
                      CtaSignatureAnchors.ASSIGNOR),
                  new DocuSignApi.SignerSpec(
                      offboarding.newResponsibleParty().name(),
                      offboarding.newResponsibleParty().email(),
                      2,
                      CtaSignatureAnchors.ASSIGNEE)));
      log.info("Sent envelope {} for offboarding {}", envelope.envelopeId(), offboarding.id());
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    ESignatureEnvelope record =
        new ESignatureEnvelope(
            offboarding.id(),
            DOCUSIGN_USER,
            envelope.envelopeId(),
            "SENT",
            null,
            null,
            null,
            now,
            now);
    try {
      envelopes.insert(record);
      return Optional.of(record);
    } catch (DuplicateKeyException recordedConcurrently) {
      return envelopes.findByOffboarding(offboarding.id());
    }
  }

  @Override
  public Optional<ESignatureEnvelope> envelope(UUID offboardingId) {
    return envelopes.findByOffboarding(offboardingId);
  }
}
