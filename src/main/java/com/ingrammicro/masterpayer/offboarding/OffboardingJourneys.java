package com.ingrammicro.masterpayer.offboarding;

import com.ingrammicro.masterpayer.registry.PayerAccount;
import com.ingrammicro.masterpayer.system.AppUser;

/**
 * The journey as the offboarding module needs it: start one, ask to withdraw from one. Implemented
 * by the process module on the BPMN engine; calls join the caller's transaction. The {@code actor}
 * is who asked, so that the engine's user operation log names them.
 */
public interface OffboardingJourneys {

  /**
   * Starts the journey of a new offboarding and returns the process instance id; {@code
   * registryEntry} is the payer registry's entry the request was checked against, which the review
   * shows.
   */
  String start(Offboarding offboarding, PayerAccount registryEntry, AppUser actor);

  /**
   * Asks the journey to stop at the reseller's request.
   *
   * @return false when the journey no longer accepts a withdrawal (access removal started or it
   *     ended)
   */
  boolean requestWithdrawal(Offboarding offboarding, String reason, AppUser actor);
}
