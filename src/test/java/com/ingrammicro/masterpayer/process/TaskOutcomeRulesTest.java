package com.ingrammicro.masterpayer.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskOutcomeRulesTest {

  private static List<String> check(String task, Object... nameValuePairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return TaskOutcomeRules.check(task, variables::get);
  }

  @Test
  void reviewNeedsADecisionAndAReasonForARejection() {
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", true)).isEmpty();
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", false, "rejectionReason", "Unknown payer")).isEmpty();
    assertThat(check(Tasks.REVIEW_REQUEST)).singleElement().asString().contains("'approved' is required");
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", "true")).singleElement().asString()
        .contains("must be true or false");
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", false)).singleElement().asString()
        .contains("'rejectionReason' is required");
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", false, "rejectionReason", "   ")).hasSize(1);
    assertThat(check(Tasks.REVIEW_REQUEST, "approved", false, "rejectionReason", "x".repeat(2001)))
        .singleElement().asString().contains("at most 2000");
  }

  @Test
  void countersignatureNeedsAReasonToSendTheCtaBack() {
    assertThat(check(Tasks.COUNTERSIGN_CTA, "ctaAccepted", true)).isEmpty();
    assertThat(check(Tasks.COUNTERSIGN_CTA, "ctaAccepted", false)).singleElement().asString()
        .contains("'ctaRejectionReason' is required");
    assertThat(check(Tasks.COUNTERSIGN_CTA, "ctaAccepted", false, "ctaRejectionReason", "Unsigned")).isEmpty();
  }

  @Test
  void billingHandoverNeedsAllThreeConfirmations() {
    assertThat(check(Tasks.HAND_OVER_BILLING, "billingHandedOver", true, "taxSettingsUpdated", true,
        "contactsUpdated", true)).isEmpty();
    assertThat(check(Tasks.HAND_OVER_BILLING, "billingHandedOver", true, "taxSettingsUpdated", false))
        .hasSize(2)
        .anySatisfy(problem -> assertThat(problem).contains("'taxSettingsUpdated' must be true"))
        .anySatisfy(problem -> assertThat(problem).contains("'contactsUpdated' must be true"));
  }

  @Test
  void unclearedPaymentNeedsAPositiveOutstandingAmount() {
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", true)).isEmpty();
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", false, "outstandingAmount", 120.5)).isEmpty();
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", false, "outstandingAmount", 7L)).isEmpty();
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", false)).singleElement().asString()
        .contains("'outstandingAmount' is required");
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", false, "outstandingAmount", 0)).hasSize(1);
    assertThat(check(Tasks.CONFIRM_PAYMENT_CLEARANCE, "paymentCleared", false, "outstandingAmount", "12")).hasSize(1);
  }

  @Test
  void manualAccessRemovalMustBeConfirmed() {
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "accessRemoved", true)).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "accessRemoved", true, "notes", "done")).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "accessRemoved", false)).singleElement().asString()
        .contains("'accessRemoved' must be true");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "accessRemoved", true, "notes", 42)).hasSize(1);
  }

  @Test
  void manualAccessRemovalMaySendTheWorkBackToTheAutomationInstead() {
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "retryAutomation", true)).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "retryAutomation", true, "accessRemoved", false)).isEmpty();
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "retryAutomation", true, "accessRemoved", true))
        .singleElement().asString().contains("Choose one");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "retryAutomation", false)).singleElement().asString()
        .contains("'accessRemoved' must be true");
    assertThat(check(Tasks.REMOVE_ACCESS_MANUALLY, "retryAutomation", "yes", "accessRemoved", true))
        .singleElement().asString().contains("'retryAutomation' must be true or false");
  }

  @Test
  void aTaskWithoutRulesIsAProgrammingError() {
    assertThatThrownBy(() -> check("Task_Unknown")).isInstanceOf(IllegalArgumentException.class);
  }
}
