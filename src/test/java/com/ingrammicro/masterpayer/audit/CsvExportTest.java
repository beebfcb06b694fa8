package com.ingrammicro.masterpayer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.offboarding.OffboardingStatus;
import com.ingrammicro.masterpayer.offboarding.Stage;
import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit export as RFC 4180 CSV that a spreadsheet opens as text, never as formulas (OWASP CSV
 * injection).
 */
class CsvExportTest {

  @Test
  void everyFieldIsQuotedAndQuotesAreDoubled() {
    assertThat(CsvExport.field("plain")).isEqualTo("\"plain\"");
    assertThat(CsvExport.field(null)).isEqualTo("\"\"");
    assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
  }

  @Test
  void formulaStartsGetALeadingApostropheInsideTheQuotes() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
      assertThat(CsvExport.field(formula)).as(formula).isEqualTo("\"'" + formula + "\"");
    }
    assertThat(CsvExport.field("a=b"))
        .as("only a leading formula character matters")
        .isEqualTo("\"a=b\"");
  }

  @Test
  void aSemicolonInAValueCannotStartAFormulaCellInALocaleThatSplitsOnSemicolons() {
    StringWriter out = new StringWriter();
    CsvExport export = new CsvExport(out);
    export.write(offboarding("x;=cmd|' /C calc'!A0"));

    String row = out.toString().split("\r\n")[1];
    // a spreadsheet that splits on ';' still honours the quotes: the ';' is inside one quoted cell
    List<String> cells = splitOutsideQuotes(row, ';');
    assertThat(cells).hasSize(1);
    assertThat(cells).noneMatch(cell -> cell.startsWith("=") || cell.startsWith("\"="));
    assertThat(row).endsWith(",\"x;=cmd|' /C calc'!A0\"");
    // and the comma-separated reading gets the value back whole
    List<String> fields = splitOutsideQuotes(row, ',');
    assertThat(fields)
        .hasSize(CsvExport.HEADER.size())
        .allMatch(field -> field.startsWith("\"") && field.endsWith("\""));
  }

  @Test
  void csvStartsWithTheQuotedHeaderAndEndsLinesWithCrLf() {
    StringWriter out = new StringWriter();
    new CsvExport(out);
    assertThat(out.toString()).isEqualTo("\"" + String.join("\",\"", CsvExport.HEADER) + "\"\r\n");
  }

  private static AuditedOffboarding offboarding(String reason) {
    OffsetDateTime now = OffsetDateTime.parse("2026-01-02T03:04:05Z");
    return new AuditedOffboarding(
        UUID.randomUUID(),
        "ACME",
        "123456789012",
        OffboardingStatus.IN_PROGRESS,
        Stage.values()[0],
        null,
        reason,
        "acme",
        "Contoso",
        "DISTRIBUTOR",
        null,
        now,
        now,
        null,
        null);
  }

  private static List<String> splitOutsideQuotes(String line, char separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
