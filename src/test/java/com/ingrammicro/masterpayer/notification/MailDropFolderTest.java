package com.ingrammicro.masterpayer.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Without an SMTP server, mails become .eml files that anyone can open; with neither, the app
 * refuses to start.
 */
class MailDropFolderTest {

  private final StaticListableBeanFactory noSmtp = new StaticListableBeanFactory();

  @Test
  void writesEachMailAsAnEmlFileKeepingItsMessageId(@TempDir Path folder) throws Exception {
    MailTransport transport =
        new MailTransports()
            .mailTransport(
                noSmtp.getBeanProvider(JavaMailSender.class),
                new MailProperties(
                    "Offboarding <offboarding@example.com>",
                    "sales@example.com",
                    "finance@example.com",
                    "escalations@example.com",
                    folder.toString(),
                    "http://localhost:8080"));
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("offboarding@example.com"));
    message.setRecipients(MimeMessage.RecipientType.TO, "ops@acme.example");
    message.setSubject("Hello");
    message.setText("Body");
    message.setHeader("Message-ID", "<fixed-id@example.com>");

    String written = transport.deliver(message);

    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.toList();
    }
    assertThat(files)
        .singleElement()
        .satisfies(file -> assertThat(file.toString()).isEqualTo(written).endsWith(".eml"));
    try (InputStream in = Files.newInputStream(files.get(0))) {
      MimeMessage read = new MimeMessage(Session.getInstance(new Properties()), in);
      assertThat(read.getSubject()).isEqualTo("Hello");
      assertThat(read.getMessageID()).isEqualTo("<fixed-id@example.com>");
    }
  }

  @Test
  void refusesToRunWithNeitherSmtpNorADropFolder() {
    MailProperties nowhere =
        new MailProperties(
            "offboarding@example.com",
            "sales@example.com",
            "finance@example.com",
            "escalations@example.com",
            "",
            "http://localhost:8080");

    assertThatThrownBy(
            () ->
                new MailTransports()
                    .mailTransport(noSmtp.getBeanProvider(JavaMailSender.class), nowhere))
        .hasMessageContaining("spring.mail.host");
  }
}
