package com.ingrammicro.masterpayer.process.deadline;

import com.ingrammicro.masterpayer.process.OffboardingProcess;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The deadlines of {@link SlaProperties} as the diagram's expressions need them: ISO 8601 strings
 * for due dates and timers ({@code ${sla.due('review-request')}}, {@code ${sla.ctaExpiry}}).
 */
@Component("sla")
public class Sla {

  private final SlaProperties properties;

  public Sla(SlaProperties properties) {
    List<String> missing =
        OffboardingProcess.TASK_SLAS.values().stream()
            .map(OffboardingProcess.TaskSla::key)
            .filter(key -> !properties.tasks().containsKey(key))
            .sorted()
            .map(key -> "offboarding.sla.tasks." + key)
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          String.join(", ", missing) + " missing: every human task needs a due date");
    }
    for (OffboardingProcess.TaskSla task : OffboardingProcess.TASK_SLAS.values()) {
      SlaProperties.TaskSla sla = properties.tasks().get(task.key());
      if (sla.reminder().compareTo(sla.due()) >= 0) {
        throw new IllegalStateException(
            "offboarding.sla.tasks."
                + task.key()
                + ".reminder ("
                + sla.reminder()
                + ") must come before its due date ("
                + sla.due()
                + "): the reminder warns before the task is overdue");
      }
    }
    this.properties = properties;
  }

  /** When a task created now is due, as an ISO 8601 duration from now. */
  public String due(String task) {
    return task(task).due().toString();
  }

  /** After how long a task's reminder goes out, as an ISO 8601 duration. */
  public String reminder(String task) {
    return task(task).reminder().toString();
  }

  /**
   * How long before its due date a task's reminder goes out: moved with the due date when someone
   * changes it.
   */
  Duration reminderLead(String task) {
    return task(task).due().minus(task(task).reminder());
  }

  public String getCtaReminderCycle() {
    return properties.ctaReminderCycle();
  }

  public String getCtaExpiry() {
    return properties.ctaExpiry().toString();
  }

  public String getPaymentRecheckDelay() {
    return properties.paymentRecheckDelay().toString();
  }

  public String describeCtaExpiry() {
    return describe(properties.ctaExpiry());
  }

  public String describePaymentRecheckDelay() {
    return describe(properties.paymentRecheckDelay());
  }

  private SlaProperties.TaskSla task(String task) {
    SlaProperties.TaskSla sla = properties.tasks().get(task);
    if (sla == null) {
      throw new IllegalArgumentException("No SLA configured for task '" + task + "'");
    }
    return sla;
  }

  /** "7 days", "36 hours" or "90 minutes": for people, in mails and reasons. */
  static String describe(Duration duration) {
    if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
      return plural(duration.toHours(), "hour");
    }
    return plural(Math.max(1, duration.toMinutes()), "minute");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
