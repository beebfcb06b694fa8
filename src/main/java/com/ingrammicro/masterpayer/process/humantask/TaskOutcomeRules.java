package com.ingrammicro.masterpayer.process.humantask;

import static com.ingrammicro.masterpayer.process.OffboardingProcess.ACCESS_REMOVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.APPROVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.BILLING_HANDED_OVER;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CONTACTS_UPDATED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_ACCEPTED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.CTA_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.NOTES;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.OUTSTANDING_AMOUNT;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PAYMENT_CLEARED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PLAN_APPROVED;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.PLAN_REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.REJECTION_REASON;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.RETRY_AUTOMATION;
import static com.ingrammicro.masterpayer.process.OffboardingProcess.TAX_SETTINGS_UPDATED;

import com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks;
import com.ingrammicro.masterpayer.process.ProcessVariable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of the human tasks' outcomes (docs/journey.md, "Human tasks"). Whatever completes a
 * task - a Tasklist form, engine-rest or Java - these rules hold; a breach keeps the task open.
 */
final class TaskOutcomeRules {

  static final int MAX_TEXT = 2000;

  /** What an outcome variable holds. */
  enum Kind {
    BOOLEAN("true or false", Boolean.class),
    TEXT("text", String.class),
    AMOUNT("a number", Number.class);

    final String description;
    private final Class<?> type;

    Kind(String description, Class<?> type) {
      this.description = description;
      this.type = type;
    }

    static Kind of(ProcessVariable<?> variable) {
      for (Kind kind : values()) {
        if (kind.type == variable.type()) {
          return kind;
        }
      }
      throw new IllegalArgumentException("No task outcome holds a variable like " + variable);
    }
  }

  /**
   * Each task's outcome variables, in the order the task's form asks for them: all that a
   * completion may set.
   */
  static final Map<String, Map<String, Kind>> OUTCOMES =
      Map.of(
          Tasks.REVIEW_REQUEST, outcome(APPROVED, REJECTION_REASON),
          Tasks.COUNTERSIGN_CTA, outcome(CTA_ACCEPTED, CTA_REJECTION_REASON),
          Tasks.HAND_OVER_BILLING,
              outcome(BILLING_HANDED_OVER, TAX_SETTINGS_UPDATED, CONTACTS_UPDATED),
          Tasks.CONFIRM_PAYMENT_CLEARANCE, outcome(PAYMENT_CLEARED, OUTSTANDING_AMOUNT),
          Tasks.APPROVE_REMOVAL_PLAN, outcome(PLAN_APPROVED, PLAN_REJECTION_REASON),
          Tasks.REMOVE_ACCESS_MANUALLY, outcome(ACCESS_REMOVED, NOTES, RETRY_AUTOMATION));

  private TaskOutcomeRules() {}

  private static Map<String, Kind> outcome(ProcessVariable<?>... variables) {
    Map<String, Kind> outcome = new LinkedHashMap<>();
    for (ProcessVariable<?> variable : variables) {
      outcome.put(variable.name(), Kind.of(variable));
    }
    return Collections.unmodifiableMap(outcome);
  }

  /**
   * The problems with a completion, in words for the person completing the task; empty when it is
   * valid.
   */
  static List<String> check(String taskDefinitionKey, Function<String, Object> variables) {
    Outcome outcome = new Outcome(variables);
    switch (taskDefinitionKey) {
      case Tasks.REVIEW_REQUEST -> {
        if (outcome.requireBoolean(APPROVED, "whether the request is approved") == Boolean.FALSE) {
          outcome.requireText(
              REJECTION_REASON, "a reason for the rejection (the reseller receives it)");
        }
      }
      case Tasks.COUNTERSIGN_CTA -> {
        if (outcome.requireBoolean(CTA_ACCEPTED, "whether the signed CTA is accepted")
            == Boolean.FALSE) {
          outcome.requireText(
              CTA_REJECTION_REASON, "what the reseller must correct before signing again");
        }
      }
      case Tasks.HAND_OVER_BILLING -> {
        outcome.requireTrue(
            BILLING_HANDED_OVER, "billing information and payment method handed over");
        outcome.requireTrue(TAX_SETTINGS_UPDATED, "tax settings updated");
        outcome.requireTrue(CONTACTS_UPDATED, "contacts updated");
      }
      case Tasks.CONFIRM_PAYMENT_CLEARANCE -> {
        if (outcome.requireBoolean(PAYMENT_CLEARED, "whether the payments are cleared")
            == Boolean.FALSE) {
          outcome.requirePositiveAmount(OUTSTANDING_AMOUNT);
        }
      }
      case Tasks.APPROVE_REMOVAL_PLAN -> {
        if (outcome.requireBoolean(
                PLAN_APPROVED, "whether the removal plan shown is approved, exactly as shown")
            == Boolean.FALSE) {
          outcome.requireText(
              PLAN_REJECTION_REASON,
              "why the plan is rejected (the access is then removed by hand, for this reason)");
        }
      }
      case Tasks.REMOVE_ACCESS_MANUALLY -> {
        Boolean retry = outcome.optionalBoolean(RETRY_AUTOMATION);
        if (Boolean.TRUE.equals(retry)) {
          if (Boolean.TRUE.equals(variables.apply(ACCESS_REMOVED.name()))) {
            outcome.problems.add(
                "Choose one: 'accessRemoved' (removed by hand) or 'retryAutomation' (run the "
                    + "automated removal again), not both");
          }
        } else {
          outcome.requireTrue(
              ACCESS_REMOVED,
              "every role and policy of the distributor removed (or set "
                  + "'retryAutomation' to run the automated removal again)");
        }
        outcome.optionalText(NOTES);
      }
      default ->
          throw new IllegalArgumentException("No outcome rules for task " + taskDefinitionKey);
    }
    return outcome.problems;
  }

  private static final class Outcome {
    private final Function<String, Object> variables;
    private final List<String> problems = new ArrayList<>();

    Outcome(Function<String, Object> variables) {
      this.variables = variables;
    }

    Boolean requireBoolean(ProcessVariable<Boolean> variable, String meaning) {
      String name = variable.name();
      Object value = variables.apply(name);
      if (value instanceof Boolean decision) {
        return decision;
      }
      problems.add(
          value == null
              ? "'" + name + "' is required: state " + meaning + " (true or false)"
              : "'" + name + "' must be true or false, not '" + value + "'");
      return null;
    }

    Boolean optionalBoolean(ProcessVariable<Boolean> variable) {
      String name = variable.name();
      Object value = variables.apply(name);
      if (value == null || value instanceof Boolean) {
        return (Boolean) value;
      }
      problems.add("'" + name + "' must be true or false, not '" + value + "'");
      return null;
    }

    void requireTrue(ProcessVariable<Boolean> variable, String meaning) {
      String name = variable.name();
      Object value = variables.apply(name);
      if (!Boolean.TRUE.equals(value)) {
        problems.add("'" + name + "' must be true before this task can be completed: " + meaning);
      }
    }

    void requireText(ProcessVariable<String> variable, String meaning) {
      String name = variable.name();
      Object value = variables.apply(name);
      if (!(value instanceof String text) || text.isBlank()) {
        problems.add("'" + name + "' is required: " + meaning);
      } else if (text.length() > MAX_TEXT) {
        problems.add("'" + name + "' may have at most " + MAX_TEXT + " characters");
      }
    }

    void optionalText(ProcessVariable<String> variable) {
      String name = variable.name();
      Object value = variables.apply(name);
      if (value != null && (!(value instanceof String text) || text.length() > MAX_TEXT)) {
        problems.add("'" + name + "' must be a text of at most " + MAX_TEXT + " characters");
      }
    }

    void requirePositiveAmount(ProcessVariable<Number> variable) {
      String name = variable.name();
      Object value = variables.apply(name);
      BigDecimal amount = value instanceof Number number ? new BigDecimal(number.toString()) : null;
      if (amount == null || amount.signum() <= 0) {
        problems.add(
            "'"
                + name
                + "' is required when the payments are not cleared: the outstanding amount, greater than 0");
      }
    }
  }
}
