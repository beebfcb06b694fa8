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

  /**
   * Hands a signed CTA to the journey on behalf of an e-signature provider, whose user id ({@code
   * docusign}) the journey's trail names.
   *
   * @return false when the journey is not waiting for a signed CTA
   */
  boolean signedCtaReceivedFromESignature(
      Offboarding offboarding, SignedCta signedCta, String providerUserId);

  /**
   * Tells the journey, on behalf of the provider, that the envelope ended unsigned: a signer
   * declined ({@code DECLINED}) or the sender voided it ({@code VOIDED}). The journey keeps waiting
   * for a signed CTA, which the reseller may still upload.
   *
   * @return false when the journey no longer waits for the CTA's signature
   */
  boolean eSignatureStopped(
      Offboarding offboarding, String providerUserId, String outcome, String reason);
}
