package com.ingrammicro.masterpayer.offboarding;

/**
 * The stages of the journey in their order; the view reports how many are done out of {@link
 * #TOTAL}.
 */
public enum Stage {
  REVIEW("Review of the request by Ingram IaaS sales"),
  CTA_SIGNATURE("Signature of the Consent to Assignment by the reseller"),
  CTA_COUNTERSIGNATURE("Countersignature of the Consent to Assignment by Ingram Micro"),
  BILLING_AND_PAYMENT("Billing handover and payment clearance"),
  ACCESS_REMOVAL("Removal of the distributor's access from the payer account");

  public static final int TOTAL = values().length;

  private final String title;

  Stage(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The number of stages completed before this one. */
  public int stagesBefore() {
    return ordinal();
  }
}
