package com.ingrammicro.masterpayer.process.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ingrammicro.masterpayer.process.ProcessTestEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaTest {

  private final Sla sla = new Sla(ProcessTestEngine.SLA);

  @Test
  void givesTheDiagramIsoDurations() {
    assertThat(sla.due("review-request")).isEqualTo("PT48H");
    assertThat(sla.reminder("hand-over-billing")).isEqualTo("PT72H");
    assertThat(sla.getCtaReminderCycle()).isEqualTo("R3/P7D");
    assertThat(sla.getCtaExpiry()).isEqualTo("PT720H");
  }

  @Test
  void describesDurationsForPeople() {
    assertThat(Sla.describe(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(Sla.describe(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(Sla.describe(Duration.ofHours(36))).isEqualTo("36 hours");
    assertThat(Sla.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    assertThat(Sla.describe(Duration.ofSeconds(2))).isEqualTo("1 minute");
  }

  @Test
  void refusesToStartWithoutADeadlineForEveryHumanTask() {
    SlaProperties incomplete =
        new SlaProperties(
            Map.of(
                "review-request",
                new SlaProperties.TaskSla(Duration.ofDays(2), Duration.ofDays(1))),
            "R3/P7D",
            Duration.ofDays(30),
            Duration.ofDays(7));

    assertThatThrownBy(() -> new Sla(incomplete))
        .hasMessageContaining("offboarding.sla.tasks.countersign-cta");
  }

  @Test
  void refusesAReminderThatWouldComeAfterTheDueDate() {
    Map<String, SlaProperties.TaskSla> tasks = new HashMap<>(ProcessTestEngine.SLA.tasks());
    tasks.put(
        "hand-over-billing", new SlaProperties.TaskSla(Duration.ofDays(2), Duration.ofDays(2)));
    SlaProperties late =
        new SlaProperties(tasks, "R3/P7D", Duration.ofDays(30), Duration.ofDays(7));

    assertThatThrownBy(() -> new Sla(late))
        .hasMessageContaining("offboarding.sla.tasks.hand-over-billing.reminder");
  }

  @Test
  void unknownTaskIsAnError() {
    assertThatThrownBy(() -> sla.due("coffee-break")).hasMessageContaining("coffee-break");
  }
}
