package com.ingrammicro.masterpayer.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * The plain-text mail templates, read once at start-up (a missing template stops the start).
 * Placeholders are {@code {{name}}}; an unknown placeholder is an error, never an empty gap.
 */
@Component
class MailTemplates {

  record Rendered(String subject, String body) {}

  private static final String SUBJECT_PREFIX = "Subject:";
  private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("{{", "}}", null, null, false);

  private final Map<Notification, String> templates = new EnumMap<>(Notification.class);

  MailTemplates() {
    for (Notification notification : Notification.values()) {
      ClassPathResource resource = new ClassPathResource(notification.templateName());
      try (InputStream in = resource.getInputStream()) {
        String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (!template.startsWith(SUBJECT_PREFIX)) {
          throw new IllegalStateException(notification.templateName() + " must start with a '" + SUBJECT_PREFIX + "' line");
        }
        templates.put(notification, template);
      } catch (IOException e) {
        throw new UncheckedIOException("Missing mail template " + notification.templateName(), e);
      }
    }
  }

  Rendered render(Notification notification, Map<String, String> model) {
    String text = PLACEHOLDERS.replacePlaceholders(templates.get(notification), name -> {
      String value = model.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Template " + notification.templateName() + " uses unknown {{" + name + "}}");
      }
      return value;
    });
    int endOfSubject = text.indexOf('\n');
    String subject = text.substring(SUBJECT_PREFIX.length(), endOfSubject).strip();
    return new Rendered(subject, text.substring(endOfSubject + 1).stripLeading());
  }
}
