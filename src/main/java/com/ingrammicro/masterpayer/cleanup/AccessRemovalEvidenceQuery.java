package com.ingrammicro.masterpayer.cleanup;

import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the evidence of the removal of the distributor's access, for readers outside this
 * module (the audit) that must not start, repeat or attest any of it. No access check happens here.
 */
public interface AccessRemovalEvidenceQuery {

  /** Where the removal stands, with its evidence; empty before anything happened. */
  Optional<AccessRemovalEvidence> evidence(UUID offboardingId);
}
