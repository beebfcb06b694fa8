package com.ingrammicro.masterpayer.notification;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.system.Resellers;
import com.ingrammicro.masterpayer.system.Role;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the notifications of the journey. Called from async service tasks: a failure throws, the
 * job is retried on its retry cycle and then becomes an incident, so a mail is delayed but never lost.
 * Each mail is recorded (with its Message-ID) in the same transaction as its sending.
 */
@Service
public class Notifier implements SentMailQuery {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final MailTemplates templates;
  private final MailTransport transport;
  private final SentMailRepository sentMails;
  private final MailProperties properties;
  private final Resellers resellers;
  private final Clock clock;

  Notifier(MailTemplates templates, MailTransport transport, SentMailRepository sentMails, MailProperties properties,
      Resellers resellers, Clock clock) {
    this.templates = templates;
    this.transport = transport;
    this.sentMails = sentMails;
    this.properties = properties;
    this.resellers = resellers;
    this.clock = clock;
  }

  /**
   * Sends one notification about an offboarding. It may be sent again: a job whose node died after
   * delivering, before committing, runs again elsewhere. The same {@code deliveryKey} (the job's id)
   * gives every attempt the same Message-ID, by which mail clients and archives drop the repeat:
   * at-least-once delivery, once as the recipient sees it.
   *
   * @param details values the template needs beyond the offboarding's own facts (a reason, an amount);
   *     {@code taskGroup} names the group mailbox for {@link Notification#TASK_REMINDER} and
   *     {@link Notification#TASK_OVERDUE}
   * @param deliveryKey the same for every attempt to send this mail; {@code null} for a new Message-ID
   */
  public void send(Notification notification, Offboarding offboarding, Map<String, String> details,
      List<Attachment> attachments, String deliveryKey) {
    Set<String> recipients = recipients(notification, offboarding, details);
    MailTemplates.Rendered mail = templates.render(notification, model(offboarding, details));
    UUID id = deliveryKey == null ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes(("offboarding-mail:" + deliveryKey).getBytes(StandardCharsets.UTF_8));
    String messageId = "<" + id + "@" + domainOf(properties.from()) + ">";
    sentMails.insert(offboarding.id(), notification, String.join(", ", recipients), mail.subject(), messageId,
        OffsetDateTime.now(clock));
    MimeMessage message = compose(notification, recipients, mail, messageId, offboarding, attachments);
    String destination = transport.deliver(message);
    log.info("Sent {} for offboarding {} to {} via {}", notification, offboarding.id(), recipients, destination);
  }

  /** The offboarding's address in the reseller API, as mails link to it. */
  public String apiUrl(Offboarding offboarding) {
    return properties.publicBaseUrl() + "/api/offboardings/" + offboarding.id();
  }

  /** Camunda Tasklist's address, as mails link to it. */
  public String tasklistUrl() {
    return properties.publicBaseUrl() + "/camunda/app/tasklist/";
  }

  /** Every mail sent about an offboarding, oldest first. */
  @Override
  public List<SentMail> sentAbout(UUID offboardingId) {
    return sentMails.findByOffboarding(offboardingId);
  }

  private Set<String> recipients(Notification notification, Offboarding offboarding, Map<String, String> details) {
    Set<String> recipients = new LinkedHashSet<>();
    for (Audience audience : notification.audiences()) {
      recipients.add(switch (audience) {
        case RESELLER -> offboarding.contactEmail();
        case NEW_PARTY -> offboarding.newResponsibleParty().email();
        case IAAS_SALES -> properties.iaasSales();
        case FINANCE -> properties.finance();
        case TASK_GROUP -> Role.FINANCE.groupId().equals(details.get("taskGroup")) ? properties.finance() : properties.iaasSales();
        case ESCALATION -> properties.escalation();
      });
    }
    return recipients;
  }

  private Map<String, String> model(Offboarding offboarding, Map<String, String> details) {
    Map<String, String> model = new HashMap<>(details);
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
    return model;
  }

  private MimeMessage compose(Notification notification, Set<String> recipients, MailTemplates.Rendered mail, String messageId,
      Offboarding offboarding, List<Attachment> attachments) {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(recipients.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.body(), false);
      for (Attachment attachment : attachments) {
        helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
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
