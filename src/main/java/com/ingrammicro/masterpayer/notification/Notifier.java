package com.ingrammicro.masterpayer.notification;

import com.ingrammicro.masterpayer.offboarding.JourneyProgress;
import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.system.Resellers;
import com.ingrammicro.masterpayer.system.Role;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the notifications of the journey: for each {@link Notification} its recipients, its
 * template filled from the offboarding record, the journey's outcomes and {@link
 * NotificationFacts}, and its attachments. Called from async send tasks: a failure throws, the job
 * is retried on its retry cycle and then becomes an incident, so a mail is delayed but never lost.
 * Each mail is recorded (with its Message-ID) in the same transaction as its sending.
 */
@Service
public class Notifier implements SentMailQuery {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final MailTemplates templates;
  private final MailTransport transport;
  private final SentMailRepository sentMails;
  private final MailProperties properties;
  private final JourneyProgress offboardings;
  private final NotificationFacts facts;
  private final Resellers resellers;
  private final Clock clock;

  Notifier(
      MailTemplates templates,
      MailTransport transport,
      SentMailRepository sentMails,
      MailProperties properties,
      JourneyProgress offboardings,
      NotificationFacts facts,
      Resellers resellers,
      Clock clock) {
    this.templates = templates;
    this.transport = transport;
    this.sentMails = sentMails;
    this.properties = properties;
    this.offboardings = offboardings;
    this.facts = facts;
    this.resellers = resellers;
    this.clock = clock;
  }

  /**
   * Sends one notification about an offboarding; a reminder or an escalation only while its task is
   * open. It may be sent again: a job whose node died after delivering, before committing, runs
   * again elsewhere. The same {@link NotificationRequest#deliveryKey()} gives every attempt the
   * same Message-ID, by which mail clients and archives drop the repeat: at-least-once delivery,
   * once as the recipient sees it.
   */
  public void send(NotificationRequest request) {
    Notification notification = request.notification();
    Offboarding offboarding = offboardings.get(request.offboardingId());
    Optional<NotificationFacts.OpenTask> task = Optional.empty();
    if (request.remindedTask() != null) {
      task = facts.openTask(offboarding.id(), request.remindedTask());
      if (task.isEmpty()) {
        log.info(
            "No {} for {} of offboarding {}: the task was completed meanwhile",
            notification,
            request.remindedTask(),
            offboarding.id());
        return;
      }
    }
    Map<String, String> model = model(offboarding, request.outcomes(), task);
    Set<String> recipients = recipients(notification, offboarding, model.get("taskGroup"));
    MailTemplates.Rendered mail = templates.render(notification, model);
    List<Attachment> attachments =
        notification.attachesCta() ? List.of(facts.issuedCta(offboarding.id())) : List.of();
    UUID id =
        request.deliveryKey() == null
            ? UUID.randomUUID()
            : UUID.nameUUIDFromBytes(
                ("offboarding-mail:" + request.deliveryKey()).getBytes(StandardCharsets.UTF_8));
    String messageId = "<" + id + "@" + domainOf(properties.from()) + ">";
    sentMails.insert(
        offboarding.id(),
        notification,
        String.join(", ", recipients),
        mail.subject(),
        messageId,
        OffsetDateTime.now(clock));
    MimeMessage message =
        compose(notification, recipients, mail, messageId, offboarding, attachments);
    String destination = transport.deliver(message);
    log.info(
        "Sent {} for offboarding {} to {} via {}",
        notification,
        offboarding.id(),
        recipients,
        destination);
  }

  /** The offboarding's address in the reseller API, as mails link to it. */
  private String apiUrl(Offboarding offboarding) {
    return properties.publicBaseUrl() + "/api/offboardings/" + offboarding.id();
  }

  /** Camunda Tasklist's address, as mails link to it. */
  private String tasklistUrl() {
    return properties.publicBaseUrl() + "/camunda/app/tasklist/";
  }

  /** Every mail sent about an offboarding, oldest first. */
  @Override
  public List<SentMail> sentAbout(UUID offboardingId) {
    return sentMails.findByOffboarding(offboardingId);
  }

  private Set<String> recipients(
      Notification notification, Offboarding offboarding, String taskGroup) {
    Set<String> recipients = new LinkedHashSet<>();
    for (Audience audience : notification.audiences()) {
      recipients.add(
          switch (audience) {
            case RESELLER -> offboarding.contactEmail();
            case NEW_PARTY -> offboarding.newResponsibleParty().email();
            case IAAS_SALES -> properties.iaasSales();
            case FINANCE -> properties.finance();
            case TASK_GROUP ->
                Role.FINANCE.groupId().equals(taskGroup)
                    ? properties.finance()
                    : properties.iaasSales();
            case ESCALATION -> properties.escalation();
          });
    }
    return recipients;
  }

  /**
   * Everything a template may name: the offboarding's facts, links, the journey's outcomes, the
   * reminded task.
   */
  private Map<String, String> model(
      Offboarding offboarding,
      NotificationRequest.Outcomes outcomes,
      Optional<NotificationFacts.OpenTask> task) {
    Map<String, String> model = new HashMap<>();
    model.put("offboardingId", offboarding.id().toString());
    model.put("payerAccountId", offboarding.payerAccountId());
    model.put("resellerId", offboarding.resellerId());
    model.put("resellerName", resellers.displayName(offboarding.resellerId()));
    model.put("reason", offboarding.reason());
    model.put("contactEmail", offboarding.contactEmail());
    model.put("newPartyName", offboarding.newResponsibleParty().name());
    model.put("newPartyEmail", offboarding.newResponsibleParty().email());
    model.put("newPartyKind", offboarding.newResponsibleParty().kind().name());
    model.put("requestedBy", offboarding.requestedBy());
    model.put("baseUrl", properties.publicBaseUrl());
    model.put("apiUrl", apiUrl(offboarding));
    model.put("tasklistUrl", tasklistUrl());

    putIfGiven(model, "rejectionReason", outcomes.rejectionReason());
    putIfGiven(model, "ctaRejectionReason", outcomes.ctaRejectionReason());
    putIfGiven(model, "withdrawalReason", outcomes.withdrawalReason());
    putIfGiven(model, "cleanupFailure", outcomes.cleanupFailure());
    putIfGiven(model, "cleanupRemaining", outcomes.cleanupRemaining());
    putIfGiven(model, "cleanupReport", outcomes.cleanupReport());
    model.put(
        "eSignatureReason",
        outcomes.eSignatureReason() == null || outcomes.eSignatureReason().isBlank()
            ? templates.render(MailPart.ESIGNATURE_REASON_UNKNOWN, model)
            : outcomes.eSignatureReason());
    Optional<String> eSignatureProvider = facts.eSignatureProvider(offboarding.id());
    model.put("eSignatureProvider", eSignatureProvider.orElse("e-signature"));
    model.put(
        "signatureInstructions",
        templates.render(
            eSignatureProvider.isPresent()
                ? MailPart.SIGNATURE_BY_ESIGNATURE
                : MailPart.SIGNATURE_BY_UPLOAD,
            model));
    model.put(
        "outstandingAmount",
        outcomes.outstandingAmount() == null
            ? templates.render(MailPart.AMOUNT_UNKNOWN, model)
            : outcomes.outstandingAmount().setScale(2, RoundingMode.HALF_UP).toPlainString());
    model.put("gracePeriod", facts.paymentGracePeriod());
    model.put(
        "cleanupInstructions",
        templates.render(
            facts.removesAccessAutomatically()
                ? MailPart.CLEANUP_BY_ENGINE
                : MailPart.CLEANUP_BY_SALES,
            model));

    task.ifPresent(
        open -> {
          String group =
              open.candidateGroup() != null ? open.candidateGroup() : Role.IAAS_SALES.groupId();
          model.put("taskName", open.name());
          model.put("taskUrl", tasklistUrl() + "default/#/?task=" + open.id());
          model.put("taskGroup", group);
          model.put(
              "taskDueDate",
              open.due() == null
                  ? templates.render(MailPart.TASK_WITHOUT_DUE_DATE, model)
                  : DUE.format(open.due()));
          model.put(
              "taskAssignee",
              open.assignee() == null
                  ? templates.render(MailPart.TASK_UNASSIGNED, model)
                  : open.assignee());
        });
    return model;
  }

  private static void putIfGiven(Map<String, String> model, String name, String value) {
    if (value != null) {
      model.put(name, value);
    }
  }

  private MimeMessage compose(
      Notification notification,
      Set<String> recipients,
      MailTemplates.Rendered mail,
      String messageId,
      Offboarding offboarding,
      List<Attachment> attachments) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      for (Attachment attachment : attachments) {
        helper.addAttachment(
            attachment.fileName(),
            new ByteArrayResource(attachment.content()),
            attachment.contentType());
      }
      message.setHeader("Message-ID", messageId);
      // Let mailboxes filter and thread by offboarding and by kind of notification.
      message.setHeader("X-Offboarding-Id", offboarding.id().toString());
      message.setHeader("X-Offboarding-Notification", notification.name());
      return message;
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot compose mail for offboarding " + offboarding.id(), e);
    }
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      return address.substring(address.indexOf('@') + 1);
    } catch (MessagingException e) {
      throw new IllegalStateException("offboarding.mail.from is not a mail address: " + from, e);
    }
  }
}
