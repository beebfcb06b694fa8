package com.ingrammicro.masterpayer.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV import of the payer registry: UTF-8, the header {@code accountId,resellerId,name},
 * then one payer account a line (RFC 4180 fields: a field in double quotes may hold commas, a
 * doubled quote stands for one; a quoted field cannot span lines). Empty lines are skipped. Reading
 * checks the file's shape only; {@link PayerAccountAdministration} checks each row's values.
 */
final class PayerAccountCsv {

  static final List<String> HEADER = List.of("accountId", "resellerId", "name");

  /** One data row, with its line number in the file (the header is line 1). */
  record Row(int line, String accountId, String resellerId, String name) {}

  /** A line that cannot be imported, and why. */
  record BadRow(int line, String reason) {}

  /** The rows that have the right shape and the lines that do not. */
  record Parsed(List<Row> rows, List<BadRow> badRows) {}

  private PayerAccountCsv() {}

  static Parsed parse(byte[] content) {
    List<Row> rows = new ArrayList<>();
    List<BadRow> bad = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      bad.add(new BadRow(1, "the file is not UTF-8 text"));
      return new Parsed(rows, bad);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<String> header = fields(lines[0]);
    if (header == null || !header.stream().map(String::trim).toList().equals(HEADER)) {
      bad.add(new BadRow(1, "the first line must be the header " + String.join(",", HEADER)));
      return new Parsed(rows, bad);
    }
    for (int i = 1; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = fields(lines[i]);
      if (fields == null) {
        bad.add(
            new BadRow(line, "a quoted field is not closed, or text follows its closing quote"));
      } else if (fields.size() != HEADER.size()) {
        bad.add(
            new BadRow(
                line,
                "has "
                    + fields.size()
                    + " fields instead of "
                    + HEADER.size()
                    + " ("
                    + String.join(",", HEADER)
                    + ")"));
      } else {
        rows.add(new Row(line, fields.get(0).trim(), fields.get(1).trim(), fields.get(2).trim()));
      }
    }
    if (rows.isEmpty() && bad.isEmpty()) {
      bad.add(new BadRow(1, "the file has no payer accounts after its header"));
    }
    return new Parsed(rows, bad);
  }

  /** The fields of one line; null when its quotes are broken. */
  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= line.length()) {
            return null;
          }
          char c = line.charAt(i++);
          if (c != '"') {
            field.append(c);
          } else if (i < line.length() && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          return null;
        }
      } else {
        while (i < line.length() && line.charAt(i) != ',') {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= line.length()) {
        return fields;
      }
      i++; // the comma
    }
  }
}
