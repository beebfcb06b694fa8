package com.ingrammicro.masterpayer.offboarding;

import com.ingrammicro.masterpayer.registry.ActiveOffboardings;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the payer registry which payer accounts have an offboarding in progress. */
@Component
class ActiveOffboardingsOfPayers implements ActiveOffboardings {

  private final OffboardingRepository repository;

  ActiveOffboardingsOfPayers(OffboardingRepository repository) {
    this.repository = repository;
  }

  @Override
  public Optional<UUID> of(String accountId) {
    return repository.findActiveByPayer(accountId).map(Offboarding::id);
  }
}
