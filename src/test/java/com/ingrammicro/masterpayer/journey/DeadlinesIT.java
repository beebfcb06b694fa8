package com.ingrammicro.masterpayer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deadlines: a human task's reminder, the escalation of an overdue task and its group's Tasklist
 * filter, the unsigned CTA's reminder and its expiry. On H2 only: timers, due dates and filters are
 * the engine's behaviour on its own tables; the application's SQL they lead to (mail records, the
 * offboarding's end) runs on PostgreSQL in the full journey.
 */
@OnH2
class DeadlinesIT extends JourneyScenario {

  @Test
  void overdueTaskIsEscalatedAndListedInItsGroupsOverdueFilter() throws Exception {
    String payer = randomPayer();
    String id = start("acme", payer);
    String review = awaitTask("sales", id, "Task_ReviewRequest");
    Api.Response read = api.get("admin", "/engine-rest/task/" + review);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    JsonNode task = read.json();
    assertThat(task.path("name").asText())
        .isEqualTo("Review offboarding request – payer " + payer + " (ACME)");
    assertThat(filterTasks("sales", "My group's open tasks")).contains(review);
    assertThat(filterTasks("sales", "Overdue")).doesNotContain(review);

    // the deadline passes: moved into the past in Tasklist, the escalation follows the task's due
    // date
    ObjectNode overdue = taskUpdate(task);
    overdue.put("due", "2026-01-05T09:30:00.000+0000");
    Api.Response moved = api.putJson("admin", "/engine-rest/task/" + review, overdue);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(204);

    MimeMessage escalation = awaitMails(id, "TASK_OVERDUE").get("TASK_OVERDUE");
    assertThat(recipients(escalation))
        .containsExactlyInAnyOrder(
            "aws-offboarding-escalations@ingrammicro.example",
            "aws-iaas-sales@ingrammicro.example");
    assertThat(escalation.getSubject())
        .isEqualTo(
            "Overdue: \"Review offboarding request\" for payer "
                + payer
                + " was due 2026-01-05 09:30 UTC");
    assertThat(text(escalation)).contains("/camunda/app/tasklist/default/#/?task=" + review);
    assertThat(filterTasks("sales", "Overdue")).contains(review);
    assertThat(filterTasks("finance", "Overdue")).doesNotContain(review);

    // a due date cannot be taken away, and the overdue task can still be worked
    ObjectNode withoutDue = taskUpdate(task);
    withoutDue.putNull("due");
    Api.Response refused = api.putJson("admin", "/engine-rest/task/" + review, withoutDue);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("keeps its due date");
    assertThat(submit("sales", review, Map.of("approved", true)).status()).isEqualTo(204);
  }

  @Test
  void remindersGoToTheRightPeopleAndAnUnsignedCtaExpires() throws Exception {
    String id = start("acme", randomPayer());
    awaitTask("sales", id, "Task_ReviewRequest");

    fireTimer(id, "BoundaryEvent_ReviewReminder");
    MimeMessage reviewReminder = awaitMails(id, "TASK_REMINDER").get("TASK_REMINDER");
    assertThat(recipients(reviewReminder)).containsExactly("aws-iaas-sales@ingrammicro.example");
    assertThat(reviewReminder.getSubject()).contains("Review offboarding request");
    assertThat(text(reviewReminder)).contains("nobody yet (any member of iaas-sales can claim it)");

    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    awaitView("acme", id, view -> hasAction(view, "UPLOAD_SIGNED_CTA"));
    fireTimer(id, "BoundaryEvent_CtaReminder");
    MimeMessage signatureReminder =
        awaitMails(id, "CTA_SIGNATURE_REMINDER").get("CTA_SIGNATURE_REMINDER");
    assertThat(recipients(signatureReminder)).containsExactly("ops@acme.example");
    assertThat(attachmentNames(signatureReminder)).hasSize(1);

    fireTimer(id, "BoundaryEvent_CtaExpired");
    JsonNode expired =
        awaitView("acme", id, view -> view.path("status").asText().equals("EXPIRED"));
    assertThat(expired.path("statusReason").asText()).contains("30 days");
    assertThat(recipients(awaitMails(id, "CTA_EXPIRED").get("CTA_EXPIRED")))
        .containsExactlyInAnyOrder("ops@acme.example", "aws-iaas-sales@ingrammicro.example");
  }

  /** The fields of a task that {@code PUT /engine-rest/task/{id}} takes, as Tasklist sends them. */
  private static ObjectNode taskUpdate(JsonNode task) {
    ObjectNode update = JsonNodeFactory.instance.objectNode();
    for (String field :
        List.of(
            "name",
            "description",
            "priority",
            "assignee",
            "owner",
            "delegationState",
            "due",
            "followUp",
            "parentTaskId",
            "caseInstanceId",
            "tenantId")) {
      update.set(
          field, task.path(field).isMissingNode() ? NullNode.getInstance() : task.get(field));
    }
    return update;
  }

  /** The ids of the tasks a user sees in a Tasklist filter, as Tasklist lists them. */
  private List<String> filterTasks(String user, String filterName) {
    JsonNode filters =
        api.get(
                user,
                "/engine-rest/filter?resourceType=Task&name="
                    + URLEncoder.encode(filterName, StandardCharsets.UTF_8))
            .json();
    assertThat(filters).as(user + " sees the filter " + filterName).hasSize(1);
    JsonNode tasks =
        api.postJson(
                user,
                "/engine-rest/filter/" + filters.get(0).path("id").asText() + "/list",
                Map.of())
            .json();
    List<String> ids = new ArrayList<>();
    tasks.forEach(listed -> ids.add(listed.path("id").asText()));
    return ids;
  }
}
