package com.ingrammicro.masterpayer.process;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_FAILURE;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CLEANUP_REMAINING;

import com.ingrammicro.masterpayer.cleanup.CleanupBlockedException;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The access-removal variables the task "Remove distributor access" shows: short texts for people,
 * kept under Camunda's 4,000-character limit for string variables. The full evidence stays in the
 * cleanup module's tables.
 */
final class AccessRemovalVariables {

  static final int MAX_TEXT = 3_900;

  private AccessRemovalVariables() {}

  /**
   * Runs a step of the automated removal; when AWS refuses for good, records why and what remains
   * and throws the BPMN error that hands the work over to people.
   */
  static void handingOverWhenBlocked(DelegateExecution execution, Runnable step) {
    try {
      step.run();
    } catch (CleanupBlockedException blocked) {
      throw handOver(execution, blocked);
    }
  }

  private static BpmnError handOver(DelegateExecution execution, CleanupBlockedException blocked) {
    CLEANUP_FAILURE.on(execution).set(limit(blocked.getMessage()));
    CLEANUP_REMAINING.on(execution).set(bullets(blocked.remaining(),
        "Unknown: the automation could not look. Check every role and customer-managed policy."));
    return new BpmnError(OffboardingProcess.Errors.ACCESS_CLEANUP_BLOCKED, blocked.getMessage());
  }

  /** One "- " line per item, as the task form shows it (as text), cut short with a count of what did not fit. */
  static String bullets(List<String> items, String whenEmpty) {
    if (items.isEmpty()) {
      return whenEmpty;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      String line = "- " + items.get(i) + "\n";
      if (text.length() + line.length() > MAX_TEXT - 40) {
        text.append("- … and ").append(items.size() - i).append(" more\n");
        break;
      }
      text.append(line);
    }
    return text.toString();
  }

  static String limit(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
