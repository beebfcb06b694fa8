package com.ingrammicro.masterpayer.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server (GreenMail) on a free loopback port. */
public final class TestSmtp {

  private final int port = freePort();
  private GreenMail server;

  public int port() {
    return port;
  }

  /** Points the application's SMTP settings at this server. */
  public void registerWith(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", this::port);
  }

  public synchronized TestSmtp start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
    return this;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /**
   * The distinct mails (one per Message-ID, whatever the number of recipients) about an
   * offboarding.
   */
  public synchronized List<MimeMessage> mailsAbout(String offboardingId) {
    if (server == null) {
      return List.of();
    }
    Map<String, MimeMessage> byMessageId = new LinkedHashMap<>();
    Arrays.stream(server.getReceivedMessages())
        .filter(message -> offboardingId.equals(header(message, "X-Offboarding-Id")))
        .forEach(message -> byMessageId.putIfAbsent(header(message, "Message-ID"), message));
    return List.copyOf(byMessageId.values());
  }

  public static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
