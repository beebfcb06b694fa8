package com.ingrammicro.masterpayer.cleanup;

/**
 * A decision on a plan round that is no longer the one to decide: a newer round exists, the round
 * was decided already, or the plan shown is not the plan stored (another SHA-256). Nothing is
 * recorded; the person must look at the current plan.
 */
public class RemovalPlanNotCurrentException extends RuntimeException {

  public RemovalPlanNotCurrentException(String message) {
    super(message);
  }
}
