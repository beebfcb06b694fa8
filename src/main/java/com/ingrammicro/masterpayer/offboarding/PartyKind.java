package com.ingrammicro.masterpayer.offboarding;

/** Who takes over billing responsibility for the payer account. */
public enum PartyKind {
  /** Another AWS distributor. */
  DISTRIBUTOR,
  /** The reseller itself, contracting with AWS without a distributor. */
  RESELLER,
  /** The end customer, contracting with AWS directly. */
  END_CUSTOMER
}
