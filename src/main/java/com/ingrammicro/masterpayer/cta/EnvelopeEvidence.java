package com.ingrammicro.masterpayer.cta;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the e-signature provider's API, not its notification, says about an envelope: its status and
 * each recipient. A provider's signed document is usually re-rendered and sealed by the provider
 * with a signature of its own, so the evidence that both parties signed is this record.
 *
 * @param provider the provider's user id in the journey's trail ({@code docusign})
 * @param status the envelope's status at the provider ({@code completed}, {@code declined}, {@code
 *     voided}, ...)
 * @param completedAt when the envelope completed; null unless it did
 * @param voidedReason why the sender voided the envelope; null unless it was voided
 * @param readAt when the application read this from the provider
 */
public record EnvelopeEvidence(
    String provider,
    String envelopeId,
    String status,
    OffsetDateTime completedAt,
    String voidedReason,
    List<Recipient> recipients,
    OffsetDateTime readAt) {

  public EnvelopeEvidence {
    recipients = List.copyOf(recipients);
  }

  /**
   * One signer of the envelope.
   *
   * @param status the recipient's status ({@code completed}, {@code declined}, {@code sent}, ...)
   * @param signedAt when the recipient signed; null unless it did
   * @param declinedReason the reason the recipient gave for declining; null unless it declined
   */
  public record Recipient(
      String name,
      String email,
      int routingOrder,
      String status,
      OffsetDateTime signedAt,
      String declinedReason) {}

  /** Whether every recipient signed, in the envelope's eyes. */
  public boolean allSigned() {
    return !recipients.isEmpty()
        && recipients.stream()
            .allMatch(
                recipient ->
                    "completed".equalsIgnoreCase(recipient.status())
                        && recipient.signedAt() != null);
  }

  /** The first reason a recipient gave for declining, else the void reason; null when none. */
  public String stopReason() {
    return recipients.stream()
        .map(Recipient::declinedReason)
        .filter(reason -> reason != null && !reason.isBlank())
        .findFirst()
        .orElse(voidedReason);
  }
}
