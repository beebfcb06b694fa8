package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.system.AppUser;

/**
 * The journey as the CTA module needs it. Implemented by the process module; joins the caller's
 * transaction.
 */
public interface CtaJourney {

  /**
   * Hands a signed CTA to the journey on behalf of {@code actor}, the reseller user who uploaded
   * it.
   *
   * @return false when the journey is not waiting for a signed CTA
   */
  boolean signedCtaReceived(Offboarding offboarding, SignedCta signedCta, AppUser actor);
}
