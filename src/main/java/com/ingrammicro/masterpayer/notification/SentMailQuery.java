package com.ingrammicro.masterpayer.notification;

import java.util.List;
import java.util.UUID;

/** Read access to the record of mails sent, for readers outside this module (the audit). */
public interface SentMailQuery {

  /** Every mail sent about an offboarding, oldest first. */
  List<SentMail> sentAbout(UUID offboardingId);
}
