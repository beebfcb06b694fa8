package com.ingrammicro.masterpayer.audit;

/**
 * One source of the trail: the engine's history of the steps, the user operation log, the
 * variables, incidents and retries, and each module's own records (access removal, mails,
 * documents). A new kind of evidence is a new Spring bean implementing this; the timeline orders
 * what every source adds.
 */
interface TrailSource {

  /** Adds this source's entries about {@code subject} to {@code timeline}. */
  void addTo(Timeline timeline, TrailSubject subject);
}
