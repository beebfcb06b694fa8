package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.audit.Trail.Entry;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of one trail as its {@link TrailSource}s add them, in any order, and then ordered by
 * their {@link Key}: by time, then by {@link Phase}, then in the order their source added them.
 */
final class Timeline {

  /**
   * Where an entry goes among entries with the same timestamp (history keeps milliseconds, and one
   * transaction often records several things in one millisecond): what caused a step first, then
   * the step, then what it produced. Each phase has one source, which adds its entries in their
   * order.
   */
  enum Phase {
    /**
     * The payer registry: the entry the request was checked against, and each change of the payer
     * account's entries, which come before what they made possible.
     */
    REGISTRY,
    /** The reseller's request that started the journey. */
    REQUEST,
    /** A user's operation through the engine, which causes steps and variable changes. */
    OPERATION,
    /** A step entered or left. */
    STEP,
    /** A human task's life: created, candidates, claims, completion and its decision. */
    TASK,
    VARIABLE,
    DOCUMENT,
    ACCESS_REMOVAL,
    MAIL,
    INCIDENT,
    /** A failed or retried attempt of an asynchronous step. */
    JOB,
    /** The journey's end, after everything else. */
    END
  }

  /**
   * The order of the timeline: time, then phase, then the position among the entries added before.
   */
  record Key(OffsetDateTime at, Phase phase, int sequence) implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::at).thenComparing(Key::phase).thenComparingInt(Key::sequence);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private record Keyed(Key key, Entry entry) {}

  private final List<Keyed> entries = new ArrayList<>();

  /** Adds an entry; {@code at} may have any offset, the trail shows UTC. */
  void add(
      OffsetDateTime at,
      Phase phase,
      EntryType type,
      String activityId,
      String activityName,
      String actor,
      String summary,
      Map<String, Object> details) {
    Key key = new Key(at.withOffsetSameInstant(ZoneOffset.UTC), phase, entries.size());
    entries.add(
        new Keyed(
            key, new Entry(0, key.at(), type, activityId, activityName, actor, summary, details)));
  }

  /** The entries in order, numbered from 1 by {@code sequence}. */
  List<Entry> ordered() {
    List<Keyed> sorted = entries.stream().sorted(Comparator.comparing(Keyed::key)).toList();
    List<Entry> numbered = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i).entry();
      numbered.add(
          new Entry(
              i + 1,
              e.at(),
              e.type(),
              e.activityId(),
              e.activityName(),
              e.actor(),
              e.summary(),
              e.details()));
    }
    return numbered;
  }

  /** An engine timestamp as the trail shows it, in UTC. */
  static OffsetDateTime utc(Date date) {
    return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
  }

  /** An entry's details: the non-null pairs of names and values, in order. */
  static Map<String, Object> details(Object... pairs) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        details.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return details;
  }
}
