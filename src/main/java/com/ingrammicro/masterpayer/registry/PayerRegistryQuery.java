package com.ingrammicro.masterpayer.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the payer registry and its history, for readers who may see all of it (the audit).
 * No access check happens here; the caller's endpoint is where access is decided.
 */
public interface PayerRegistryQuery {

  /** An entry by its id, active or retired. */
  Optional<PayerAccount> entry(UUID entryId);

  /** Every change of one payer account, oldest first. */
  List<PayerAccountChange> changesOf(String accountId);

  /**
   * A page of the changes, newest first, of one payer account and of one reseller (as the reseller
   * after the change or the one a move took it from); a null filter matches every change.
   */
  List<PayerAccountChange> changes(String accountId, String resellerId, int offset, int limit);

  /** How many changes {@link #changes} matches. */
  long countChanges(String accountId, String resellerId);
}
