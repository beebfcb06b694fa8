package com.ingrammicro.masterpayer.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  /** Everything the Notifier puts into a model. */
  private static Map<String, String> fullModel() {
    Map<String, String> model = new HashMap<>();
    Stream.of(
            "offboardingId",
            "payerAccountId",
            "resellerId",
            "resellerName",
            "reason",
            "contactEmail",
            "newPartyName",
            "newPartyEmail",
            "newPartyKind",
            "requestedBy",
            "baseUrl",
            "apiUrl",
            "tasklistUrl",
            "rejectionReason",
            "ctaRejectionReason",
            "withdrawalReason",
            "outstandingAmount",
            "gracePeriod",
            "taskName",
            "taskDueDate",
            "taskUrl",
            "taskAssignee",
            "taskGroup",
            "cleanupFailure",
            "cleanupRemaining",
            "cleanupReport",
            "cleanupInstructions",
            "signatureInstructions",
            "eSignatureProvider",
            "eSignatureReason")
        .forEach(key -> model.put(key, "<" + key + ">"));
    return model;
  }

  @ParameterizedTest
  @EnumSource(Notification.class)
  void everyNotificationRendersASubjectAndABodyAboutThePayer(Notification notification) {
    MailTemplates.Rendered mail = templates.render(notification, fullModel());

    assertThat(mail.subject()).isNotBlank().doesNotContain("{{").contains("<payerAccountId>");
    assertThat(mail.body()).isNotBlank().doesNotContain("{{").contains("<offboardingId>");
  }

  @Test
  void theReasonsReachTheMailsThatExplainThem() {
    Map<String, String> model = fullModel();
    assertThat(templates.render(Notification.REQUEST_REJECTED, model).body())
        .contains("<rejectionReason>");
    assertThat(templates.render(Notification.CTA_RESIGNATURE_REQUESTED, model).body())
        .contains("<ctaRejectionReason>");
    assertThat(templates.render(Notification.PAYMENT_OUTSTANDING, model).body())
        .contains("<outstandingAmount>");
    assertThat(templates.render(Notification.WITHDRAWAL_CONFIRMED, model).body())
        .contains("<withdrawalReason>");
    assertThat(templates.render(Notification.ACCESS_REMOVAL_NEEDED, model).body())
        .contains("<cleanupFailure>", "<cleanupRemaining>");
    assertThat(templates.render(Notification.OFFBOARDING_COMPLETED, model).body())
        .contains("<cleanupReport>");
    assertThat(templates.render(Notification.ESIGNATURE_DECLINED, model).body())
        .contains("<eSignatureReason>");
    assertThat(templates.render(Notification.ESIGNATURE_VOIDED, model).body())
        .contains("<eSignatureReason>");
  }

  @Test
  void aMissingValueIsAnErrorNotAGap() {
    Map<String, String> model = fullModel();
    model.remove("rejectionReason");

    assertThatThrownBy(() -> templates.render(Notification.REQUEST_REJECTED, model))
        .hasMessageContaining("{{rejectionReason}}");
  }

  @Test
  void aValueThatLooksLikeAPlaceholderIsShownAsTyped() {
    Map<String, String> model = fullModel();
    model.put("withdrawalReason", "see {{unknown}} and {{taskUrl}}, $1 \\ ${x}");

    assertThat(templates.render(Notification.WITHDRAWAL_CONFIRMED, model).body())
        .contains("see {{unknown}} and {{taskUrl}}, $1 \\ ${x}")
        .doesNotContain("<taskUrl>");
  }
}
