package com.ingrammicro.modularityfixture.ledger;

/** The ledger module's API. */
public final class Ledger {

  public long balance() {
    return 0;
  }
}
