package com.ingrammicro.masterpayer.cta.esignature;

import com.ingrammicro.masterpayer.cta.CtaJourney;
import com.ingrammicro.masterpayer.cta.CtaService;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.EnvelopeEvidence;
import com.ingrammicro.masterpayer.cta.SignedCta;
import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.ResellerAction;
import com.ingrammicro.masterpayer.system.RetryingTransactions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Acts on DocuSign Connect's notifications (JSON SIM), once their HMAC was verified. The
 * notification only says which envelope changed: the envelope is mapped to its offboarding by
 * {@code cta_envelope}, never by the payload's word, and its status, signers and signed document
 * are read from DocuSign's API. Each envelope's outcome is acted on once, under a lock on its row,
 * so a repeated notification (DocuSign retries until it gets a 2xx) changes nothing.
 */
@Service
class DocuSignConnect {

  /** What became of a notification, as the answer to DocuSign says. */
  enum Outcome {
    /** The envelope's outcome was acted on. */
    ACCEPTED,
    /** The envelope's outcome had been acted on before; nothing changed. */
    ALREADY_HANDLED,
    /** Not ours to act on (another account, an unknown envelope, another event); logged. */
    IGNORED
  }

  record Handled(Outcome outcome, String detail) {}

  private static final Logger log = LoggerFactory.getLogger(DocuSignConnect.class);

  private final ESignatureProperties properties;
  private final DocuSignApi docuSign;
  private final EnvelopeRepository envelopes;
  private final CtaService ctas;
  private final CtaJourney journey;
  private final JourneyProgress offboardings;
  private final RetryingTransactions transactions;
  private final Clock clock;

  DocuSignConnect(
      ESignatureProperties properties,
      EnvelopeRepository envelopes,
      CtaService ctas,
      CtaJourney journey,
      JourneyProgress offboardings,
      RetryingTransactions transactions,
      ObjectProvider<DocuSignApi> docuSign,
      Clock clock) {
    this.properties = properties;
    this.docuSign = docuSign.getIfAvailable();
    this.envelopes = envelopes;
    this.ctas = ctas;
    this.journey = journey;
    this.offboardings = offboardings;
    this.transactions = transactions;
    this.clock = clock;
  }

  boolean enabled() {
    return docuSign != null;
  }

  ConnectSignatures signatures() {
    return new ConnectSignatures(properties.docusign().connectHmacKeys());
  }

  long maxNotificationSize() {
    return properties.docusign().maxNotificationSize().toBytes();
  }

  /**
   * Acts on a genuine notification.
   *
   * @param event the notification's {@code event} ({@code envelope-completed}, ...)
   */
  Handled handle(String event, String accountId, String envelopeId) {
    if (!docuSign.accountId().equalsIgnoreCase(accountId)) {
      log.warn("Ignored a Connect notification of account {}, not ours", accountId);
      return new Handled(Outcome.IGNORED, "Account " + accountId + " is not this installation's.");
    }
    if (!event.equals("envelope-completed")
        && !event.equals("envelope-declined")
        && !event.equals("envelope-voided")) {
      return new Handled(Outcome.IGNORED, "Event " + event + " needs no action.");
    }
    return transactions.execute(
        () -> {
          Optional<ESignatureEnvelope> recorded =
              envelopes.lockByEnvelopeId(ESignatureService.DOCUSIGN_USER, envelopeId);
          if (recorded.isEmpty()) {
            log.warn(
                "Ignored a Connect notification ({}) of unknown envelope {}", event, envelopeId);
            return new Handled(
                Outcome.IGNORED, "Envelope " + envelopeId + " is not one of this installation's.");
          }
          ESignatureEnvelope envelope = recorded.get();
          if (!envelope.status().equals("SENT")) {
            return new Handled(
                Outcome.ALREADY_HANDLED,
                "Envelope " + envelopeId + " was " + envelope.status().toLowerCase() + " before.");
          }
          EnvelopeEvidence evidence = docuSign.evidence(envelopeId);
          Offboarding offboarding = offboardings.get(envelope.offboardingId());
          return switch (evidence.status() == null ? "" : evidence.status()) {
            case "completed" -> completed(offboarding, evidence);
            case "declined" -> stopped(offboarding, evidence, "DECLINED");
            case "voided" -> stopped(offboarding, evidence, "VOIDED");
            default -> {
              log.warn(
                  "Connect said {} of envelope {}, whose status at DocuSign is {}: ignored",
                  event,
                  envelopeId,
                  evidence.status());
              yield new Handled(
                  Outcome.IGNORED,
                  "Envelope " + envelopeId + " is " + evidence.status() + " at DocuSign.");
            }
          };
        });
  }

  private Handled completed(Offboarding offboarding, EnvelopeEvidence evidence) {
    String envelopeId = evidence.envelopeId();
    byte[] pdf = docuSign.combinedDocument(envelopeId, ctas.maxSignedSize());
    Optional<SignedCta> signed;
    try {
      signed = ctas.acceptFromESignature(offboarding, pdf, evidence);
    } catch (ErrorResponseException refused) {
      String reason =
          "The signed document from DocuSign was refused: " + refused.getBody().getDetail();
      log.error("Envelope {} of offboarding {}: {}", envelopeId, offboarding.id(), reason);
      envelopes.recordOutcome(
          offboarding.id(), "COMPLETED", reason, null, evidence, OffsetDateTime.now(clock));
      return new Handled(Outcome.ACCEPTED, reason);
    }
    envelopes.recordOutcome(
        offboarding.id(),
        "COMPLETED",
        signed.isPresent() ? null : "The journey no longer waited for a signed CTA.",
        signed.map(SignedCta::documentId).orElse(null),
        evidence,
        OffsetDateTime.now(clock));
    if (signed.isEmpty()) {
      log.info(
          "Envelope {} completed, but offboarding {} no longer waits for a signed CTA",
          envelopeId,
          offboarding.id());
      return new Handled(
          Outcome.ACCEPTED, "Recorded; offboarding " + offboarding.id() + " waits for no CTA.");
    }
    log.info("Envelope {} completed: signed CTA of offboarding {}", envelopeId, offboarding.id());
    return new Handled(
        Outcome.ACCEPTED, "The signed CTA joined offboarding " + offboarding.id() + ".");
  }

  private Handled stopped(Offboarding offboarding, EnvelopeEvidence evidence, String outcome) {
    String reason = evidence.stopReason();
    envelopes.recordOutcome(
        offboarding.id(), outcome, reason, null, evidence, OffsetDateTime.now(clock));
    // told only while the journey waits for the signature: after an upload, the decline is moot
    boolean told =
        offboarding.resellerAction() == ResellerAction.SIGN_CTA
            && journey.eSignatureStopped(
                offboarding, ESignatureService.DOCUSIGN_USER, outcome, reason);
    log.info(
        "Envelope {} of offboarding {} {} ({}){}",
        evidence.envelopeId(),
        offboarding.id(),
        outcome.toLowerCase(),
        reason,
        told ? "" : "; the journey no longer waits for the CTA");
    return new Handled(
        Outcome.ACCEPTED,
        "Envelope " + evidence.envelopeId() + " " + outcome.toLowerCase() + " recorded.");
  }
}
