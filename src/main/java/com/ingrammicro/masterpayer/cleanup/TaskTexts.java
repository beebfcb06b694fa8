package com.ingrammicro.masterpayer.cleanup;

import java.util.List;

/**
 * The short texts for people that the access removal leaves in the journey (the task "Remove
 * distributor access manually" shows them, the mails quote them): kept under Camunda's
 * 4,000-character limit for string variables. The full evidence stays in this module's tables.
 */
final class TaskTexts {

  static final int MAX_TEXT = 3_900;

  private TaskTexts() {}

  /**
   * One "- " line per item, as the task form shows it (as text), cut short with a count of what did
   * not fit.
   */
  static String bullets(List<String> items, String whenEmpty) {
    return lines(items.stream().map(item -> "- " + item).toList(), whenEmpty);
  }

  /** One line per item, cut short with a count of what did not fit. */
  static String lines(List<String> items, String whenEmpty) {
    if (items.isEmpty()) {
      return whenEmpty;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      String line = items.get(i) + "\n";
      if (text.length() + line.length() > MAX_TEXT - 40) {
        text.append("- … and ").append(items.size() - i).append(" more\n");
        break;
      }
      text.append(line);
    }
    return text.toString();
  }

  static String limit(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
  }
}
