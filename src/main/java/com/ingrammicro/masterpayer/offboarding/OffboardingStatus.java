package com.ingrammicro.masterpayer.offboarding;

/** Where an offboarding stands as a whole. Only {@link #IN_PROGRESS} counts as active. */
public enum OffboardingStatus {
  IN_PROGRESS,
  COMPLETED,
  REJECTED,
  WITHDRAWN,
  EXPIRED
}
