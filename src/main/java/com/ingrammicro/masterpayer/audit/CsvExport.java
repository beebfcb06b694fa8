package com.ingrammicro.masterpayer.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit search as CSV (RFC 4180: comma-separated, CRLF line ends, every field in double quotes,
 * quotes doubled). Reasons are typed by resellers and staff and an export is opened by people, so
 * it follows OWASP's CSV-injection guidance: text that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe, and
 * every field is quoted so that a separator inside a value (a {@code ;} for a spreadsheet in a
 * locale that splits on it, or a comma) cannot start a new cell that begins with a formula.
 */
final class CsvExport {

  static final List<String> HEADER =
      List.of(
          "id",
          "resellerId",
          "payerAccountId",
          "status",
          "stage",
          "statusReason",
          "requestedBy",
          "newPartyName",
          "newPartyKind",
          "processInstanceId",
          "createdAt",
          "updatedAt",
          "endedAt",
          "reason");

  private final Writer out;

  CsvExport(Writer out) {
    this.out = out;
    line(HEADER);
  }

  void write(AuditedOffboarding o) {
    line(
        List.of(
            o.id().toString(),
            o.resellerId(),
            o.payerAccountId(),
            o.status().name(),
            o.stage().name(),
            text(o.statusReason()),
            o.requestedBy(),
            text(o.newPartyName()),
            o.newPartyKind(),
            text(o.processInstanceId()),
            time(o.createdAt()),
            time(o.updatedAt()),
            time(o.endedAt()),
            text(o.reason())));
  }

  private void line(List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(fields.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "\"\"";
    }
    String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return '"' + safe.replace("\"", "\"\"") + '"';
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String time(OffsetDateTime value) {
    return value == null ? "" : value.withOffsetSameInstant(ZoneOffset.UTC).toString();
  }
}
