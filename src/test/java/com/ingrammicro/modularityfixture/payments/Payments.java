package com.ingrammicro.modularityfixture.payments;

import com.ingrammicro.modularityfixture.ledger.Ledger;

/**
 * Uses the ledger although its module does not allow it: the dependency the verification must find.
 */
class Payments {

  private final Ledger ledger = new Ledger();

  long balance() {
    return ledger.balance();
  }
}
