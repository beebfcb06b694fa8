package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import com.ingrammicro.masterpayer.notification.SentMail;
import com.ingrammicro.masterpayer.notification.SentMailQuery;
import org.springframework.stereotype.Component;

/** Every mail sent about the offboarding, as recorded when it was sent. */
@Component
class MailSource implements TrailSource {

  private final SentMailQuery mails;

  MailSource(SentMailQuery mails) {
    this.mails = mails;
  }

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (SentMail mail : mails.sentAbout(subject.offboarding().id())) {
      timeline.add(
          mail.sentAt(),
          Phase.MAIL,
          EntryType.MAIL_SENT,
          null,
          null,
          null,
          mail.notification() + " to " + mail.recipients(),
          details(
              "notification",
              mail.notification(),
              "recipients",
              mail.recipients(),
              "subject",
              mail.subject(),
              "messageId",
              mail.messageId()));
    }
  }
}
