package com.ingrammicro.masterpayer.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sent_mail} table: a record of every mail, written in the transaction that sends it.
 */
@Repository
class SentMailRepository {

  private final JdbcClient jdbc;

  SentMailRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID offboardingId,
      Notification notification,
      String recipients,
      String subject,
      String messageId,
      OffsetDateTime sentAt) {
    jdbc.sql(
            """
            insert into sent_mail (id, offboarding_id, notification, recipients, subject, message_id, sent_at)
            values (:id, :offboardingId, :notification, :recipients, :subject, :messageId, :sentAt)""")
        .param("id", UUID.randomUUID())
        .param("offboardingId", offboardingId)
        .param("notification", notification.name())
        .param("recipients", recipients)
        .param("subject", subject)
        .param("messageId", messageId)
        .param("sentAt", sentAt)
        .update();
  }

  List<SentMail> findByOffboarding(UUID offboardingId) {
    return jdbc.sql(
            """
            select id, notification, recipients, subject, message_id, sent_at from sent_mail
            where offboarding_id = :id order by sent_at, id""")
        .param("id", offboardingId)
        .query(
            (rs, n) ->
                new SentMail(
                    rs.getObject("id", UUID.class),
                    Notification.valueOf(rs.getString("notification")),
                    rs.getString("recipients"),
                    rs.getString("subject"),
                    rs.getString("message_id"),
                    rs.getObject("sent_at", OffsetDateTime.class)))
        .list();
  }
}
