package com.ingrammicro.masterpayer.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.NewResponsibleParty;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.PartyKind;
import com.ingrammicro.masterpayer.offboarding.Stage;
import com.ingrammicro.masterpayer.system.Resellers;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What each notification says and to whom, from what the journey hands over and what the other
 * modules answer ({@link NotificationFacts}); delivered to a recording transport.
 */
class NotifierTest {

  private static final String PAYER = "123456789012";
  private static final NotificationRequest.Outcomes NONE =
      new NotificationRequest.Outcomes(null, null, null, null, null, null, null, null);

  private final UUID id = UUID.randomUUID();
  private final List<MimeMessage> delivered = new ArrayList<>();
  private final SentMailRepository sentMails = mock(SentMailRepository.class);
  private final FakeFacts facts = new FakeFacts();
  private final Notifier notifier;

  NotifierTest() {
    JourneyProgress offboardings = mock(JourneyProgress.class);
    when(offboardings.get(id))
        .thenReturn(
            new Offboarding(
                id,
                "ACME",
                PAYER,
                OffboardingStatus.IN_PROGRESS,
                Stage.REVIEW,
                "Moving to another distributor",
                "ops@acme.example",
                new NewResponsibleParty(
                    "Contoso", "billing@contoso.example", PartyKind.DISTRIBUTOR),
                "acme",
                null,
                null,
                null,
                null,
                null,
                null,
                null));
    Resellers resellers = mock(Resellers.class);
    when(resellers.displayName(any())).thenReturn("Acme Corp");
    MailProperties properties =
        new MailProperties(
            "Offboarding <offboarding@ingrammicro.example>",
            "sales@ingrammicro.example",
            "finance@ingrammicro.example",
            "escalations@ingrammicro.example",
            null,
            "https://offboarding.example");
    notifier =
        new Notifier(
            new MailTemplates(),
            message -> {
              delivered.add(message);
              return "test";
            },
            sentMails,
            properties,
            offboardings,
            facts,
            resellers,
            Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void theCtaGoesToTheResellerWithTheIssuedDocumentAndHowThisEngineRemovesAccess()
      throws Exception {
    notifier.send(new NotificationRequest(Notification.CTA_FOR_SIGNATURE, id, null, NONE, "job-1"));
    facts.automated = false;
    notifier.send(new NotificationRequest(Notification.CTA_FOR_SIGNATURE, id, null, NONE, "job-2"));

    MimeMessage byEngine = delivered.get(0);
    assertThat(recipients(byEngine)).containsExactly("ops@acme.example");
    assertThat(attachmentNames(byEngine))
        .containsExactly("consent-to-assignment-" + PAYER + ".pdf");
    assertThat(text(byEngine))
        .contains(
            "Removal of Ingram Micro's access from the payer account: please deploy the "
                + "temporary cleanup role described at https://offboarding.example/api/offboardings/"
                + id
                + "/cleanup-access (a "
                + "CloudFormation template with this offboarding's ExternalId) before billing is handed over; the engine then "
                + "removes IMBillingRole, CloudCheckr's roles and their policies itself.\n");
    assertThat(text(delivered.get(1)))
        .contains(
            "Removal of Ingram Micro's access from the payer account: nothing to "
                + "deploy; Ingram IaaS sales remove IMBillingRole, CloudCheckr's roles and their policies.\n");
  }

  @Test
  void theCtaSaysToUploadItSignedUnlessItWentOutForESignature() throws Exception {
    notifier.send(new NotificationRequest(Notification.CTA_FOR_SIGNATURE, id, null, NONE, "job-1"));
    facts.eSignatureProvider = "DocuSign";
    notifier.send(new NotificationRequest(Notification.CTA_FOR_SIGNATURE, id, null, NONE, "job-2"));

    assertThat(text(delivered.get(0)))
        .contains("then upload the signed copy as one PDF: PUT https://offboarding.example")
        .doesNotContain("DocuSign");
    assertThat(text(delivered.get(1)))
        .contains(
            "comes to the signers from DocuSign: the assignor (Acme Corp, ops@acme.example) signs"
                + " first, then the assignee (Contoso, billing@contoso.example)",
            "you may instead upload a signed copy");
    assertThat(attachmentNames(delivered.get(1)))
        .containsExactly("consent-to-assignment-" + PAYER + ".pdf");
  }

  @Test
  void aDeclinedOrVoidedEnvelopeTellsTheResellerAndSalesWhyAndThatTheUploadStaysOpen()
      throws Exception {
    facts.eSignatureProvider = "DocuSign";
    NotificationRequest.Outcomes declined =
        new NotificationRequest.Outcomes(
            null, null, null, null, null, null, null, "Wrong legal entity for the assignee");

    notifier.send(
        new NotificationRequest(Notification.ESIGNATURE_DECLINED, id, null, declined, "job-1"));
    notifier.send(new NotificationRequest(Notification.ESIGNATURE_VOIDED, id, null, NONE, "job-2"));

    MimeMessage declinedMail = delivered.get(0);
    assertThat(recipients(declinedMail))
        .containsExactly("ops@acme.example", "sales@ingrammicro.example");
    assertThat(declinedMail.getSubject()).contains(PAYER, "declined in DocuSign");
    assertThat(text(declinedMail))
        .contains(
            "The reason given: Wrong legal entity for the assignee",
            "PUT https://offboarding.example/api/offboardings/" + id + "/cta/signed");
    assertThat(delivered.get(1).getSubject()).contains("voided in DocuSign");
    assertThat(text(delivered.get(1))).contains("The reason given: no reason was given");
  }

  @Test
  void anEscalationNamesTheTaskAndGoesToTheEscalationAndTheTasksGroup() throws Exception {
    facts.openTask =
        new NotificationFacts.OpenTask(
            "task-7",
            "Confirm payment clearance",
            Instant.parse("2026-11-29T09:30:00Z"),
            null,
            "finance");

    notifier.send(
        new NotificationRequest(
            Notification.TASK_OVERDUE, id, "Task_ConfirmPaymentClearance", NONE, "job-1"));

    MimeMessage escalation = delivered.get(0);
    assertThat(facts.askedFor).containsExactly("Task_ConfirmPaymentClearance");
    assertThat(recipients(escalation))
        .containsExactly("finance@ingrammicro.example", "escalations@ingrammicro.example");
    assertThat(escalation.getSubject())
        .isEqualTo(
            "Overdue: \"Confirm payment clearance\" for payer "
                + PAYER
                + " was due 2026-11-29 09:30 UTC");
    assertThat(text(escalation))
        .contains(
            "Assignee:  nobody yet (any member of finance can claim it)\n",
            "Group:     finance\n",
            "https://offboarding.example/camunda/app/tasklist/default/#/?task=task-7");
  }

  @Test
  void aReminderForATaskWithoutGroupOrDueDateGoesToIaasSales() throws Exception {
    facts.openTask =
        new NotificationFacts.OpenTask("task-8", "Review offboarding request", null, "sales", null);

    notifier.send(
        new NotificationRequest(
            Notification.TASK_REMINDER, id, "Task_ReviewRequest", NONE, "job-1"));

    assertThat(recipients(delivered.get(0))).containsExactly("sales@ingrammicro.example");
    assertThat(delivered.get(0).getSubject()).endsWith("is due without a due date");
    assertThat(text(delivered.get(0))).contains("Assignee:  sales\n");
  }

  @Test
  void aReminderOfATaskCompletedMeanwhileSendsNothing() {
    facts.openTask = null;

    notifier.send(
        new NotificationRequest(
            Notification.TASK_REMINDER, id, "Task_ReviewRequest", NONE, "job-1"));

    assertThat(delivered).isEmpty();
    verifyNoInteractions(sentMails);
  }

  @Test
  void theOutstandingAmountIsStatedInTwoDecimalsWithTheGracePeriod() throws Exception {
    notifier.send(
        new NotificationRequest(
            Notification.PAYMENT_OUTSTANDING,
            id,
            null,
            new NotificationRequest.Outcomes(
                null, null, null, new BigDecimal("1250.5"), null, null, null, null),
            "job-1"));
    notifier.send(
        new NotificationRequest(Notification.PAYMENT_OUTSTANDING, id, null, NONE, "job-2"));

    assertThat(recipients(delivered.get(0)))
        .containsExactly("ops@acme.example", "finance@ingrammicro.example");
    assertThat(text(delivered.get(0)))
        .contains("Outstanding amount: 1250.50\n", "checks again after 7 days.");
    assertThat(text(delivered.get(1))).contains("Outstanding amount: unknown\n");
  }

  @Test
  void everyAttemptWithOneDeliveryKeyHasOneMessageId() throws Exception {
    NotificationRequest request =
        new NotificationRequest(Notification.REQUEST_RECEIVED, id, null, NONE, "job-1");

    notifier.send(request);
    notifier.send(request);
    notifier.send(new NotificationRequest(Notification.REQUEST_RECEIVED, id, null, NONE, "job-2"));
    notifier.send(new NotificationRequest(Notification.REQUEST_RECEIVED, id, null, NONE, null));

    assertThat(delivered.get(1).getMessageID())
        .isEqualTo(delivered.get(0).getMessageID())
        .endsWith("@ingrammicro.example>");
    assertThat(delivered.get(2).getMessageID()).isNotEqualTo(delivered.get(0).getMessageID());
    assertThat(delivered.get(3).getMessageID())
        .isNotIn(delivered.get(0).getMessageID(), delivered.get(2).getMessageID());
    assertThat(delivered.get(0).getHeader("X-Offboarding-Notification"))
        .containsExactly("REQUEST_RECEIVED");
  }

  private static List<String> recipients(MimeMessage mail) throws Exception {
    return Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList();
  }

  private static String text(MimeMessage mail) throws Exception {
    mail.saveChanges();
    return text(mail.getContent());
  }

  /** The plain-text body, however deep the attachments' multipart nests it. */
  private static String text(Object content) throws Exception {
    if (content instanceof Multipart multipart) {
      return text(multipart.getBodyPart(0).getContent());
    }
    return (String) content;
  }

  private static List<String> attachmentNames(MimeMessage mail) throws Exception {
    mail.saveChanges();
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

  /** Answers as the rest of the journey would; a test sets what it needs. */
  private static final class FakeFacts implements NotificationFacts {
    boolean automated = true;
    String eSignatureProvider;

    @Override
    public Optional<String> eSignatureProvider(UUID offboardingId) {
      return Optional.ofNullable(eSignatureProvider);
    }

    OpenTask openTask;
    final List<String> askedFor = new ArrayList<>();

    @Override
    public Attachment issuedCta(UUID offboardingId) {
      return new Attachment(
          "consent-to-assignment-" + PAYER + ".pdf",
          "application/pdf",
          new byte[] {'%', 'P', 'D', 'F'});
    }

    @Override
    public boolean removesAccessAutomatically() {
      return automated;
    }

    @Override
    public Optional<OpenTask> openTask(UUID offboardingId, String taskDefinitionKey) {
      askedFor.add(taskDefinitionKey);
      return Optional.ofNullable(openTask);
    }

    @Override
    public String paymentGracePeriod() {
      return "7 days";
    }
  }
}
