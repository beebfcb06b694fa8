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
 * The plain-text mail templates and their parts ({@link MailPart}), read once at start-up (a missing
 * one stops the start). Placeholders are {@code {{name}}}; an unknown placeholder is an error, never
 * an empty gap.
 */
@Component
class MailTemplates {

  record Rendered(String subject, String body) {}

  private static final String SUBJECT_PREFIX = "Subject:";
  private static final PropertyPlaceholderHelper PLACEHOLDERS = new PropertyPlaceholderHelper("{{", "}}", null, null, false);

  private final Map<Notification, String> templates = new EnumMap<>(Notification.class);
  private final Map<MailPart, String> parts = new EnumMap<>(MailPart.class);

  MailTemplates() {
    for (Notification notification : Notification.values()) {
      String template = read(notification.templateName());
      if (!template.startsWith(SUBJECT_PREFIX)) {
        throw new IllegalStateException(notification.templateName() + " must start with a '" + SUBJECT_PREFIX + "' line");
      }
      templates.put(notification, template);
    }
    for (MailPart part : MailPart.values()) {
      // the file's final line break is not part of the phrase
      parts.put(part, read(part.templateName()).stripTrailing());
    }
  }

  Rendered render(Notification notification, Map<String, String> model) {
    String text = fill(templates.get(notification), notification.templateName(), model);
    int endOfSubject = text.indexOf('\n');
    String subject = text.substring(SUBJECT_PREFIX.length(), endOfSubject).strip();
    return new Rendered(subject, text.substring(endOfSubject + 1).stripLeading());
  }

  /** The part's phrase with its placeholders filled, for a template to take as a value. */
  String render(MailPart part, Map<String, String> model) {
    return fill(parts.get(part), part.templateName(), model);
  }

  private static String fill(String template, String templateName, Map<String, String> model) {
    return PLACEHOLDERS.replacePlaceholders(template, name -> {
      String value = model.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Template " + templateName + " uses unknown {{" + name + "}}");
      }
      return value;
    });
  }

  private static String read(String templateName) {
    try (InputStream in = new ClassPathResource(templateName).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing mail template " + templateName, e);
    }
  }
}
