package com.ingrammicro.masterpayer.cleanup;

/** Where the removal of the distributor's access stands for one offboarding. */
enum AccessRemovalStatus {
  /** Not started: the reseller may still be deploying the cleanup role. */
  AWAITING,
  /** The distributor's entities were found and the plan recorded; it awaits approval. */
  PLANNED,
  /** The current plan round is approved (by a person, or by the configuration). */
  APPROVED,
  /** A person rejected the plan; Ingram IaaS sales remove the access by hand. */
  REJECTED,
  /** Every planned call was made; verification follows. */
  REMOVED,
  /** AWS refused; Ingram IaaS sales take over by hand. */
  BLOCKED,
  /** Verification found entities of the distributor still there. */
  REMAINING,
  /** Verification could not look (access denied, automation off); a human attestation is needed. */
  UNVERIFIABLE,
  /** Verified through AWS: nothing of the distributor remains. */
  VERIFIED,
  /** Removed by hand and attested by a person; AWS could not be asked to confirm it. */
  ATTESTED;

  public boolean isFinal() {
    return this == VERIFIED || this == ATTESTED;
  }
}
