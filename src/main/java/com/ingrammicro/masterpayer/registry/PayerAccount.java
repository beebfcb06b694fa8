package com.ingrammicro.masterpayer.registry;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the payer registry: payer account {@code accountId} belongs to reseller {@code
 * resellerId} since {@code since}. An entry never changes once written, except that it is retired
 * ({@code retiredAt}, {@code retiredBy}); a move to another reseller retires it and adds a new
 * entry. So the entry an offboarding was checked against stays what was checked.
 *
 * @param id the entry's id, which an offboarding keeps as the entry it was checked against
 * @param name the payer account's display name
 * @param source how the entry came into the registry
 * @param createdBy the administrator who added it ({@code system} for the demo seed)
 */
public record PayerAccount(
    UUID id,
    String accountId,
    String resellerId,
    String name,
    OffsetDateTime since,
    RegistrySource source,
    String createdBy,
    OffsetDateTime retiredAt,
    String retiredBy) {

  public boolean isActive() {
    return retiredAt == null;
  }
}
