package com.ingrammicro.masterpayer.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses how mail leaves: SMTP when {@code spring.mail.host} is set, otherwise the drop folder
 * (the local default, so nobody needs a mail server to see what the journey sends).
 */
@Configuration
class MailTransports {

  private static final Logger log = LoggerFactory.getLogger(MailTransports.class);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
    JavaMailSender sender = smtp.getIfAvailable();
    if (sender != null) {
      return message -> {
        sender.send(message);
        return "SMTP";
      };
    }
    if (properties.dropFolder() == null || properties.dropFolder().isBlank()) {
      throw new IllegalStateException(
          "No way to send mail: set spring.mail.host (SMTP) or offboarding.mail.drop-folder (local folder)");
    }
    Path folder = Path.of(properties.dropFolder()).toAbsolutePath().normalize();
    log.warn(
        "No SMTP server configured (spring.mail.host): mails are written to {} as .eml files",
        folder);
    return message -> writeTo(folder, message);
  }

  private static String writeTo(Path folder, MimeMessage message) {
    try {
      Files.createDirectories(folder);
      // saveChanges() would replace the Message-ID that the sent-mail record names; keep it
      String messageId = message.getMessageID();
      message.saveChanges();
      if (messageId != null) {
        message.setHeader("Message-ID", messageId);
      }
      // <uuid@domain> becomes 20261126T091500Z-uuid.eml: sorted by time, unique, safe as a file
      // name
      String localPart =
          message.getMessageID().replaceAll("^<|@.*$", "").replaceAll("[^A-Za-z0-9-]", "");
      String name = FILE_TIME.format(Instant.now()) + "-" + localPart + ".eml";
      Path temporary = Files.createTempFile(folder, ".mail-", ".tmp");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        message.writeTo(out);
      }
      if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Path file = Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write mail to " + folder, e);
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot serialize mail", e);
    }
  }
}
