package com.ingrammicro.masterpayer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist forms ({@code bpmn/forms}) show what a reseller wrote as text and submit only the
 * task's outcome. form-js puts a {@code {{variable}}} into a text component's Markdown unescaped,
 * so there a value may appear only through FEEL's {@code replace()} down to characters that cannot
 * form markup; everything else a form shows is a disabled field, which form-js renders as a value
 * and leaves out of the submission.
 */
class TaskFormsTest {

  /**
   * The task contract (docs/journey.md, "Human tasks"): the outcome variables of each task, by its
   * form.
   */
  private static final Map<String, Set<String>> OUTCOMES =
      Map.of(
          "Form_ReviewRequest", Set.of("approved", "rejectionReason"),
          "Form_CountersignCta", Set.of("ctaAccepted", "ctaRejectionReason"),
          "Form_HandOverBilling",
              Set.of("billingHandedOver", "taxSettingsUpdated", "contactsUpdated"),
          "Form_ConfirmPaymentClearance", Set.of("paymentCleared", "outstandingAmount"),
          "Form_ApproveRemovalPlan", Set.of("planApproved", "planRejectionReason"),
          "Form_RemoveAccessManually", Set.of("accessRemoved", "notes", "retryAutomation"));

  private static final Pattern INSERT = Pattern.compile("\\{\\{(.*?)}}");

  /** A variable (or its text) reduced to hex digits and dashes: ids, digests, counts. */
  private static final Pattern SAFE_INSERT =
      Pattern.compile(
          "replace\\((?:string\\()?[a-zA-Z][a-zA-Z0-9]*\\)?, \"\\[\\^(?:0-9a-f-|0-9a-f|0-9)]\", \"\"\\)");

  @Test
  void everyFormSubmitsExactlyItsTasksOutcome() throws IOException {
    for (JsonNode form : forms()) {
      Set<String> submitted = new TreeSet<>();
      components(form).stream()
          .filter(
              component -> component.hasNonNull("key") && !component.path("disabled").asBoolean())
          .forEach(component -> submitted.add(component.path("key").asText()));
      assertThat(submitted)
          .as(form.path("id").asText())
          .isEqualTo(new TreeSet<>(OUTCOMES.get(form.path("id").asText())));
    }
  }

  @Test
  void textComponentsInsertNoVariableThatCouldBecomeMarkup() throws IOException {
    List<String> unsafe = new ArrayList<>();
    for (JsonNode form : forms()) {
      for (JsonNode component : components(form)) {
        assertThat(component.path("type").asText())
            .as("an html component renders markup")
            .isNotEqualTo("html");
        Matcher insert = INSERT.matcher(component.path("text").asText());
        while (insert.find()) {
          if (!SAFE_INSERT.matcher(insert.group(1).trim()).matches()) {
            unsafe.add(
                form.path("id").asText()
                    + "/"
                    + component.path("id").asText()
                    + ": {{"
                    + insert.group(1)
                    + "}}");
          }
        }
      }
    }
    assertThat(unsafe).isEmpty();
  }

  @Test
  void theFactsTheFormsShowAreDisabledFields() throws IOException {
    for (JsonNode form : forms()) {
      Set<String> shown = new TreeSet<>();
      components(form).stream()
          .filter(component -> component.path("disabled").asBoolean())
          .forEach(component -> shown.add(component.path("key").asText()));
      assertThat(shown)
          .as(form.path("id").asText())
          .contains(
              "payerAccountId",
              "resellerId",
              "requestReason",
              "newPartyName",
              "contactEmail",
              "offboardingId");
    }
  }

  private static List<JsonNode> forms() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn/forms"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
        forms.add(json.readTree(file.toFile()));
      }
    }
    assertThat(forms)
        .extracting(form -> form.path("id").asText())
        .containsExactlyInAnyOrderElementsOf(OUTCOMES.keySet());
    return forms;
  }

  /** Every component, also those inside groups. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }
}
