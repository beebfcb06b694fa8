package com.ingrammicro.masterpayer.process.humantask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.process.OffboardingProcess;
import com.ingrammicro.masterpayer.process.OffboardingProcess.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskOutcomeInputsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theOutcomeAsTasklistSendsItIsAccepted() {
    assertThat(
            problems(
                Tasks.REVIEW_REQUEST,
                "{\"approved\": {\"value\": false}, \"rejectionReason\": {\"value\": \"no\"}}"))
        .isEmpty();
    assertThat(
            problems(
                Tasks.CONFIRM_PAYMENT_CLEARANCE,
                "{\"paymentCleared\": {\"value\": false, \"type\": \"Double\"}, \"outstandingAmount\": {\"value\": 12.5}}"))
        .containsExactly("'paymentCleared' must be true or false, as a plain value of that type");
    assertThat(
            problems(
                Tasks.CONFIRM_PAYMENT_CLEARANCE,
                "{\"paymentCleared\": {\"value\": false, \"type\": \"Boolean\"}, \"outstandingAmount\": {\"value\": 12, \"type\": \"Long\"}}"))
        .isEmpty();
    assertThat(
            problems(
                Tasks.REMOVE_ACCESS_MANUALLY,
                "{\"retryAutomation\": {\"value\": true}, \"notes\": {\"value\": null}}"))
        .isEmpty();
    assertThat(problems(Tasks.REVIEW_REQUEST, "null")).isEmpty();
  }

  @Test
  void aVariableThatIsNotTheTasksOutcomeIsRefusedByName() {
    assertThat(
            problems(
                Tasks.REVIEW_REQUEST,
                "{\"approved\": {\"value\": true}, \"payerAccountId\": {\"value\": \"1\"}}"))
        .containsExactly(
            "'payerAccountId' is not part of this task's outcome, which is approved (true or false), "
                + "rejectionReason (text)");
    assertThat(problems(Tasks.HAND_OVER_BILLING, "{\"approved\": {\"value\": true}}")).hasSize(1);
  }

  @Test
  void aWronglyTypedOrSerializedValueIsRefused() {
    assertThat(problems(Tasks.REVIEW_REQUEST, "{\"approved\": {\"value\": \"true\"}}"))
        .containsExactly("'approved' must be true or false, as a plain value of that type");
    assertThat(
            problems(
                Tasks.REVIEW_REQUEST,
                "{\"rejectionReason\": {\"value\": 42, \"type\": \"Integer\"}}"))
        .hasSize(1);
    assertThat(problems(Tasks.REVIEW_REQUEST, "{\"approved\": {\"value\": null}}")).hasSize(1);
    assertThat(
            problems(
                Tasks.REVIEW_REQUEST,
                "{\"rejectionReason\": {\"value\": \"rO0ABXQAAXg=\", \"type\": \"Object\","
                    + " \"valueInfo\": {\"serializationDataFormat\": \"application/x-java-serialized-object\", \"objectTypeName\": \"java.lang.String\"}}}"))
        .hasSize(1);
    assertThat(
            problems(
                Tasks.REVIEW_REQUEST,
                "{\"rejectionReason\": {\"value\": \"x\", \"type\": \"Json\"}}"))
        .hasSize(1);
    assertThat(problems(Tasks.REVIEW_REQUEST, "{\"rejectionReason\": \"x\"}")).hasSize(1);
    assertThat(problems(Tasks.REVIEW_REQUEST, "[1]")).hasSize(1);
  }

  @Test
  void everyTaskOfTheJourneyHasItsOutcome() {
    assertThat(TaskOutcomeRules.OUTCOMES).containsOnlyKeys(OffboardingProcess.TASK_SLAS.keySet());
  }

  private static List<String> problems(String task, String variables) {
    try {
      JsonNode node = JSON.readTree(variables);
      return TaskOutcomeInputs.problems(TaskOutcomeRules.OUTCOMES.get(task), node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
