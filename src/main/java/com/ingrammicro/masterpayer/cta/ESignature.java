package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import java.util.Optional;

/**
 * Sends the issued CTA out for electronic signature, when the installation uses a provider ({@code
 * offboarding.esignature.provider}); the signed copy comes back through the provider's notification
 * and joins the journey as an upload does. Without a provider it does nothing, and the reseller
 * uploads the signed CTA.
 */
public interface ESignature {

  /** The provider's name as people read it ("DocuSign"), when one is configured. */
  Optional<String> providerName();

  /**
   * Sends the offboarding's issued CTA to its signers, once: when an envelope of the offboarding
   * exists already (recorded here, or found at the provider after a crash before it was recorded),
   * that one is returned and nothing is sent again. Runs in the caller's transaction; a failure
   * throws, and the caller's job is retried.
   *
   * @return the envelope, or empty when no provider is configured
   */
  Optional<ESignatureEnvelope> send(Offboarding offboarding);
}
