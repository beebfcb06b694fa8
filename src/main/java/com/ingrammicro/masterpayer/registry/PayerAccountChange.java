package com.ingrammicro.masterpayer.registry;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of the payer registry, with who made it and when.
 *
 * @param entryId the entry the change wrote: the new one of a registration or a move, the retired
 *     one of a retirement
 * @param resellerId the reseller the payer account belongs to after the change (for a retirement:
 *     the reseller it belonged to)
 * @param previousResellerId the reseller a move took the payer account from; null otherwise
 * @param source how the change was made: a registration's source ({@code admin}, {@code
 *     csv-import}, {@code seed}); {@code admin} for every move and retirement
 */
public record PayerAccountChange(
    UUID id,
    String accountId,
    UUID entryId,
    Kind kind,
    String resellerId,
    String previousResellerId,
    String name,
    RegistrySource source,
    String changedBy,
    OffsetDateTime changedAt) {

  /** What changed. */
  public enum Kind {
    /** The payer account was registered to a reseller. */
    REGISTERED,
    /** The payer account moved from one reseller to another. */
    MOVED,
    /** The payer account was taken out of the registry. */
    RETIRED
  }
}
