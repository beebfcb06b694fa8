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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks;
import com.ingrammicro.masterpayer.process.ProcessVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskOutcomeRulesTest {

  /**
   * What is wrong with completing the task with these variables and values (of any type, as
   * engine-rest could send them).
   */
  private static List<String> check(String task, Object... variablesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < variablesAndValues.length; i += 2) {
      variables.put(((ProcessVariable<?>) variablesAndValues[i]).name(), variablesAndValues[i + 1]);
    }
    return TaskOutcomeRules.check(task, variables::get);
  }

  @Test
  void aRemovalPlanNeedsADecisionAndAReasonForARejection() {
    assertThat(check(Tasks.APPROVE_REMOVAL_PLAN, PLAN_APPROVED, true)).isEmpty();
    assertThat(
            check(
                Tasks.APPROVE_REMOVAL_PLAN,
                PLAN_APPROVED,
                false,
                PLAN_REJECTION_REASON,
                "The CUR bucket stays as it is"))
        .isEmpty();
    assertThat(check(Tasks.APPROVE_REMOVAL_PLAN))
        .singleElement()
        .asString()
        .contains("'planApproved' is required");
    assertThat(check(Tasks.APPROVE_REMOVAL_PLAN, PLAN_APPROVED, false))
        .singleElement()
        .asString()
        .contains("'planRejectionReason' is required");
    assertThat(TaskOutcomeRules.OUTCOMES.get(Tasks.APPROVE_REMOVAL_PLAN).keySet())
        .containsExactly("planApproved", "planRejectionReason");
  }

  @Test
  void reviewNeedsADecisionAndAReasonForARejection() {
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, true)).isEmpty();
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, false, REJECTION_REASON, "Unknown payer"))
        .isEmpty();
    assertThat(check(Tasks.REVIEW_REQUEST))
        .singleElement()
        .asString()
        .contains("'approved' is required");
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, "true"))
        .singleElement()
        .asString()
        .contains("must be true or false");
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, false))
        .singleElement()
        .asString()
        .contains("'rejectionReason' is required");
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, false, REJECTION_REASON, "   ")).hasSize(1);
    assertThat(check(Tasks.REVIEW_REQUEST, APPROVED, false, REJECTION_REASON, "x".repeat(2001)))
        .singleElement()
        .asString()
        .contains("at most 2000");
  }

  @Test
  void countersignatureNeedsAReasonToSendTheCtaBack() {
    assertThat(check(Tasks.COUNTERSIGN_CTA, CTA_ACCEPTED, true)).isEmpty();
    assertThat(check(Tasks.COUNTERSIGN_CTA, CTA_ACCEPTED, false))
        .singleElement()
        .asString()
        .contains("'ctaRejectionReason' is required");
    assertThat(check(Tasks.COUNTERSIGN_CTA, CTA_ACCEPTED, false, CTA_REJECTION_REASON, "Unsigned"))
        .isEmpty();
  }

  @Test
  void billingHandoverNeedsAllThreeConfirmations() {
    assertThat(
            check(
                Tasks.HAND_OVER_BILLING,
                BILLING_HANDED_OVER,
                true,
                TAX_SETTINGS_UPDATED,
                true,
                CONTACTS_UPDATED,
                true))
        .isEmpty();
    assertThat(
            check(Tasks.HAND_OVER_BILLING, BILLING_HANDED_OVER, true, TAX_SETTINGS_UPDATED, false))
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).contains("'taxSettingsUpdated' must be true"))
        .anySatisfy(problem -> assertThat(problem).contains("'contactsUpdated' must be true"));
  }

  @Test
  void unclearedPaymentNeedsAPositiveOutstandingAmount() {
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, true)).isEmpty();
    assertThat(
            check(
                Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, false, OUTSTANDING_AMOUNT, 120.5))
        .isEmpty();
    assertThat(
            check(Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, false, OUTSTANDING_AMOUNT, 7L))
        .isEmpty();
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, false))
        .singleElement()
        .asString()
        .contains("'outstandingAmount' is required");
    assertThat(
            check(Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, false, OUTSTANDING_AMOUNT, 0))
        .hasSize(1);
    assertThat(
            check(
                Tasks.CONFIRM_PAYMENT_CLEARANCE, PAYMENT_CLEARED, false, OUTSTANDING_AMOUNT, "12"))
        .hasSize(1);
  }

  @Test
  void manualAccessRemovalMustBeConfirmed() {
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, ACCESS_REMOVED, true)).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, ACCESS_REMOVED, true, NOTES, "done")).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, ACCESS_REMOVED, false))
        .singleElement()
        .asString()
        .contains("'accessRemoved' must be true");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, ACCESS_REMOVED, true, NOTES, 42)).hasSize(1);
  }

  @Test
  void manualAccessRemovalMaySendTheWorkBackToTheAutomationInstead() {
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, RETRY_AUTOMATION, true)).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, RETRY_AUTOMATION, true, ACCESS_REMOVED, false))
        .isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, RETRY_AUTOMATION, true, ACCESS_REMOVED, true))
        .singleElement()
        .asString()
        .contains("Choose one");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, RETRY_AUTOMATION, false))
        .singleElement()
        .asString()
        .contains("'accessRemoved' must be true");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, RETRY_AUTOMATION, "yes", ACCESS_REMOVED, true))
        .singleElement()
        .asString()
        .contains("'retryAutomation' must be true or false");
  }

  @Test
  void aTaskWithoutRulesIsAProgrammingError() {
    assertThatThrownBy(() -> check("Task_Unknown")).isInstanceOf(IllegalArgumentException.class);
  }
}
