package com.ingrammicro.masterpayer.offboarding;

/** What the journey waits for from the reseller, when it waits for the reseller. */
public enum ResellerAction {
  SIGN_CTA,
  SETTLE_BALANCE
}
