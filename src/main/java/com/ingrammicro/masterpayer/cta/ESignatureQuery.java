package com.ingrammicro.masterpayer.cta;

import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the e-signature envelope of any offboarding, with its evidence, for readers who
 * may see them all (the audit). No access check happens here.
 */
public interface ESignatureQuery {

  /** The offboarding's envelope, if its CTA went out for e-signature. */
  Optional<ESignatureEnvelope> envelope(UUID offboardingId);
}
