package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.offboarding.Offboarding;

/** The journey as the CTA module needs it. Implemented by the process module; joins the caller's transaction. */
public interface CtaSignatureWorkflow {

  /**
   * Hands a signed CTA to the journey.
   *
   * @return false when the journey is not waiting for a signed CTA
   */
  boolean signedCtaReceived(Offboarding offboarding, SignedCta signedCta);
}
