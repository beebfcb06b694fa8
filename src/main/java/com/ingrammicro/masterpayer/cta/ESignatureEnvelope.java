package com.ingrammicro.masterpayer.cta;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The envelope in which an offboarding's CTA went out for e-signature, as recorded here.
 *
 * @param provider the provider's user id in the journey's trail ({@code docusign})
 * @param status {@code SENT} until the provider reports an outcome, then {@code COMPLETED}, {@code
 *     DECLINED} or {@code VOIDED}
 * @param statusReason why a signer declined or the sender voided, as the provider's API says
 * @param signedDocumentId the signed copy stored from the completed envelope, when the journey took
 *     it
 * @param evidence who signed, when and in which order, read from the provider's API on completion
 *     (and on decline or void); null before
 */
public record ESignatureEnvelope(
    UUID offboardingId,
    String provider,
    String envelopeId,
    String status,
    String statusReason,
    UUID signedDocumentId,
    EnvelopeEvidence evidence,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
