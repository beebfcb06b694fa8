package com.ingrammicro.masterpayer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.Entry;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order of a trail's timeline: time, then phase, then the order in which a source added its
 * entries.
 */
class TimelineTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-03-01T10:00:00.123Z");

  @Test
  void entriesOfOneMillisecondGoCauseFirstThenStepThenWhatItProduced() {
    Timeline timeline = new Timeline();
    timeline.add(T, Phase.MAIL, EntryType.MAIL_SENT, null, null, null, "mail", Map.of());
    timeline.add(
        T, Phase.STEP, EntryType.STEP_LEFT, "Task_ReviewRequest", null, null, "left", Map.of());
    timeline.add(
        T,
        Phase.TASK,
        EntryType.TASK_COMPLETED,
        "Task_ReviewRequest",
        null,
        "sales",
        "completed",
        Map.of());
    timeline.add(
        T, Phase.OPERATION, EntryType.USER_OPERATION, null, null, "sales", "operation", Map.of());
    timeline.add(T, Phase.END, EntryType.ENDED, null, null, null, "ended", Map.of());
    timeline.add(T, Phase.REQUEST, EntryType.REQUESTED, null, null, "acme", "requested", Map.of());

    assertThat(timeline.ordered())
        .extracting(Entry::summary)
        .containsExactly("requested", "operation", "left", "completed", "mail", "ended");
  }

  @Test
  void timeComesFirstAndASourceKeepsItsOwnOrderWithinAPhase() {
    Timeline timeline = new Timeline();
    timeline.add(
        T.plusNanos(1_000_000),
        Phase.REQUEST,
        EntryType.REQUESTED,
        null,
        null,
        null,
        "later",
        Map.of());
    timeline.add(T, Phase.TASK, EntryType.TASK_CREATED, null, null, null, "created", Map.of());
    timeline.add(T, Phase.TASK, EntryType.TASK_CANDIDATE, null, null, null, "candidate", Map.of());
    timeline.add(T, Phase.TASK, EntryType.TASK_COMPLETED, null, null, null, "completed", Map.of());
    timeline.add(T, Phase.TASK, EntryType.DECISION, null, null, null, "decision", Map.of());

    assertThat(timeline.ordered())
        .extracting(Entry::summary)
        .containsExactly("created", "candidate", "completed", "decision", "later");
  }

  @Test
  void entriesAreNumberedFromOneAndShownInUtc() {
    Timeline timeline = new Timeline();
    OffsetDateTime inBerlin = T.withOffsetSameInstant(ZoneOffset.ofHours(1));
    timeline.add(
        inBerlin.plusSeconds(1),
        Phase.MAIL,
        EntryType.MAIL_SENT,
        null,
        null,
        null,
        "second",
        Map.of());
    timeline.add(
        inBerlin,
        Phase.DOCUMENT,
        EntryType.DOCUMENT_STORED,
        null,
        null,
        "acme",
        "first",
        Timeline.details("kind", "CTA_ISSUED", "notes", null));

    assertThat(timeline.ordered())
        .satisfiesExactly(
            first -> {
              assertThat(first.sequence()).isEqualTo(1);
              assertThat(first.at()).isEqualTo(T);
              assertThat(first.at().getOffset()).isEqualTo(ZoneOffset.UTC);
              assertThat(first.details())
                  .as("null details are left out")
                  .containsExactly(Map.entry("kind", "CTA_ISSUED"));
            },
            second -> {
              assertThat(second.sequence()).isEqualTo(2);
              assertThat(second.at()).isEqualTo(T.plusSeconds(1));
            });
  }
}
