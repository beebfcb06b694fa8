package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.cta.ESignatureEnvelope;
import com.ingrammicro.masterpayer.cta.ESignatureQuery;
import com.ingrammicro.masterpayer.cta.EnvelopeEvidence;
import org.springframework.stereotype.Component;

/**
 * The e-signature envelope of the offboarding's CTA: when it went out, and how it ended with who
 * signed when, as the provider's API described it (cta/ESignatureQuery).
 */
@Component
class ESignatureSource implements TrailSource {

  private final ESignatureQuery envelopes;

  ESignatureSource(ESignatureQuery envelopes) {
    this.envelopes = envelopes;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    envelopes
        .envelope(subject.offboarding().id())
        .ifPresent(
            envelope -> {
              timeline.add(
                  envelope.createdAt(),
                  Phase.DOCUMENT,
                  EntryType.ESIGNATURE_ENVELOPE,
                  null,
                  null,
                  envelope.provider(),
                  "CTA sent for e-signature, envelope " + envelope.envelopeId(),
                  details("provider", envelope.provider(), "envelopeId", envelope.envelopeId()));
              if (envelope.evidence() != null) {
                timeline.add(
                    envelope.updatedAt(),
                    Phase.DOCUMENT,
                    EntryType.ESIGNATURE_ENVELOPE,
                    null,
                    null,
                    envelope.provider(),
                    outcome(envelope),
                    details(
                        "provider",
                        envelope.provider(),
                        "envelopeId",
                        envelope.envelopeId(),
                        "status",
                        envelope.status(),
                        "statusReason",
                        envelope.statusReason(),
                        "signedDocumentId",
                        envelope.signedDocumentId(),
                        "evidence",
                        envelope.evidence()));
              }
            });
  }

  private static String outcome(ESignatureEnvelope envelope) {
    EnvelopeEvidence evidence = envelope.evidence();
    long signed =
        evidence.recipients().stream().filter(recipient -> recipient.signedAt() != null).count();
    return "Envelope "
        + envelope.envelopeId()
        + " "
        + envelope.status()
        + ": "
        + signed
        + " of "
        + evidence.recipients().size()
        + " recipient(s) signed"
        + (envelope.statusReason() == null ? "" : "; " + envelope.statusReason());
  }
}
