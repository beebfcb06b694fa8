package com.ingrammicro.masterpayer.journey;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.Journeys;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.TestPdf;
import com.ingrammicro.masterpayer.support.TestRequests;
import com.ingrammicro.masterpayer.support.TestSmtp;
import com.ingrammicro.masterpayer.system.Digests;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The base of the journey scenarios: the reseller API and the human tasks end to end, over HTTP, on
 * the full application, with mail to a real SMTP server. Human tasks are completed through
 * engine-rest's {@code submit-form}, as Tasklist does. Each feature's scenarios are a class of
 * their own; its Javadoc says on which databases it runs and why ({@code @OnH2},
 * {@code @OnPostgres}).
 */
abstract class JourneyScenario extends RunningApplication {

  static final Duration PATIENCE = Journeys.PATIENCE;

  static String randomPayer() {
    return TestRequests.randomPayer();
  }

  static Map<String, Object> request(String payer) {
    return TestRequests.offboarding(payer);
  }

  /** Approval, a signed and countersigned CTA, billing handed over and payments cleared. */
  void driveToAccessRemoval(String id) {
    submit("sales", awaitTask("sales", id, "Task_ReviewRequest"), Map.of("approved", true));
    journeys.uploadSignedCta("acme", id, TestPdf.withText("signed by Acme and Contoso"));
    submit("sales", awaitTask("sales", id, "Task_CountersignCta"), Map.of("ctaAccepted", true));
    submit(
        "finance",
        awaitTask("finance", id, "Task_ConfirmPaymentClearance"),
        Map.of("paymentCleared", true));
    submit(
        "sales",
        awaitTask("sales", id, "Task_HandOverBilling"),
        Map.of("billingHandedOver", true, "taxSettingsUpdated", true, "contactsUpdated", true));
  }

  void fireTimer(String offboardingId, String timerActivityId) {
    journeys.fireTimer(offboardingId, timerActivityId);
  }

  String start(String reseller, String payer) {
    return journeys.start(reseller, payer);
  }

  String awaitTask(String user, String offboardingId, String taskDefinitionKey) {
    return journeys.awaitTask(user, offboardingId, taskDefinitionKey);
  }

  Api.Response submit(String user, String taskId, Map<String, Object> variables) {
    return journeys.submit(user, taskId, variables);
  }

  JsonNode awaitView(String user, String offboardingId, Predicate<JsonNode> condition) {
    return journeys.awaitView(user, offboardingId, condition);
  }

  static boolean hasAction(JsonNode view, String action) {
    return Journeys.hasAction(view, action);
  }

  static JsonNode action(JsonNode view, String action) {
    return Journeys.action(view, action);
  }

  List<String> listIds(String user, String status) {
    return Journeys.ids(
        api.get(user, "/api/offboardings?size=100" + (status == null ? "" : "&status=" + status))
            .json());
  }

  static Map<String, MimeMessage> awaitMails(String offboardingId, String... notifications) {
    return await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Map<String, MimeMessage> byNotification = new LinkedHashMap<>();
              SMTP.mailsAbout(offboardingId)
                  .forEach(
                      mail ->
                          byNotification.put(
                              TestSmtp.header(mail, "X-Offboarding-Notification"), mail));
              return byNotification;
            },
            mails -> mails.keySet().containsAll(Arrays.asList(notifications)));
  }

  static List<String> recipients(MimeMessage mail) throws Exception {
    return Arrays.stream(mail.getRecipients(RecipientType.TO))
        .map(address -> ((InternetAddress) address).getAddress())
        .toList();
  }

  /** The plain-text body, wherever the message nests it. */
  static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  static List<String> attachmentNames(MimeMessage mail) throws Exception {
    List<String> names = new ArrayList<>();
    if (mail.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
          names.add(multipart.getBodyPart(i).getFileName());
        }
      }
    }
    return names;
  }

  static String sha256(byte[] content) {
    return Digests.sha256Hex(content);
  }
}
