package com.ingrammicro.masterpayer.registry;

import java.util.Optional;
import java.util.UUID;

/**
 * Whether a payer account has an offboarding in progress: a payer account that has one is neither
 * moved nor retired. Implemented by the offboarding module, which owns the offboardings.
 */
public interface ActiveOffboardings {

  /** The id of the payer account's offboarding in progress, if it has one. */
  Optional<UUID> of(String accountId);
}
