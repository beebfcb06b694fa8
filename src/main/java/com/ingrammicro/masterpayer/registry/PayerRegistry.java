package com.ingrammicro.masterpayer.registry;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The registry's answer to who may request the offboarding of a payer account. */
@Service
public class PayerRegistry {

  private final PayerAccountRepository repository;

  PayerRegistry(PayerAccountRepository repository) {
    this.repository = repository;
  }

  /**
   * The active entry of the payer account when it is registered to the reseller, locked until the
   * caller's transaction ends, so that it is neither moved nor retired before an offboarding that
   * relies on it is recorded. Empty for a payer account the registry does not know and for one of
   * another reseller alike: one query, by account and reseller, answers both, so neither the answer
   * nor its path tells them apart.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<PayerAccount> registeredTo(String accountId, String resellerId) {
    return repository.lockActive(accountId, resellerId);
  }
}
