package com.ingrammicro.masterpayer.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plain-text mail templates and their parts ({@link MailPart}), read once at start-up (a
 * missing one stops the start). Placeholders are {@code {{name}}}; an unknown placeholder is an
 * error, never an empty gap.
 */
@Component
class MailTemplates {

  record Rendered(String subject, String body) {}

  private static final String SUBJECT_PREFIX = "Subject:";

  /**
   * A placeholder of a template. Filled in one pass over the template only: a value is text, never
   * a template, so a reason a reseller typed with "{{...}}" in it shows as typed and breaks no
   * mail.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

  private final Map<Notification, String> templates = new EnumMap<>(Notification.class);
  private final Map<MailPart, String> parts = new EnumMap<>(MailPart.class);

  MailTemplates() {
    for (Notification notification : Notification.values()) {
      String template = read(notification.templateName());
      if (!template.startsWith(SUBJECT_PREFIX)) {
        throw new IllegalStateException(
            notification.templateName() + " must start with a '" + SUBJECT_PREFIX + "' line");
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
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder text = new StringBuilder(template.length() + 256);
    while (placeholder.find()) {
      String value = model.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "Template " + templateName + " uses unknown {{" + placeholder.group(1) + "}}");
      }
      placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(text).toString();
  }

  private static String read(String templateName) {
    try (InputStream in = new ClassPathResource(templateName).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing mail template " + templateName, e);
    }
  }
}
