package com.ingrammicro.masterpayer.offboarding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Read-only reporting over every offboarding of every reseller, for readers who may see them all
 * (the audit): filters over tens of thousands of records, pages, a streamed export. No access check
 * happens here; the caller's endpoint is where access is decided.
 */
public interface OffboardingSearch {

  /** One page of the matching offboardings, in {@code sort} order. */
  List<Offboarding> search(
      OffboardingCriteria criteria, OffboardingSort sort, int offset, int limit);

  /** How many offboardings match. */
  long count(OffboardingCriteria criteria);

  /**
   * Hands every matching offboarding to {@code sink}, in {@code sort} order, without holding them
   * all in memory: any number of rows in constant memory.
   */
  void stream(OffboardingCriteria criteria, OffboardingSort sort, Consumer<Offboarding> sink);

  /** One offboarding, whoever requested it. */
  Optional<Offboarding> find(UUID id);
}
