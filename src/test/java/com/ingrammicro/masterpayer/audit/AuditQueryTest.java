package com.ingrammicro.masterpayer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The pieces of the audit search that are pure: sort whitelist and CSV escaping. */
class AuditQueryTest {

  @Test
  void sortAcceptsOnlyWhitelistedFieldsAndDirections() {
    assertThat(AuditSort.parse(null)).contains(AuditSort.DEFAULT);
    assertThat(AuditSort.parse("endedAt,desc").orElseThrow().orderBy())
        .isEqualTo(" order by ended_at desc nulls last, id desc");
    assertThat(AuditSort.parse("resellerId").orElseThrow().orderBy())
        .isEqualTo(" order by reseller_id asc nulls last, id asc");
    assertThat(AuditSort.parse("reason,asc")).isEmpty();
    assertThat(AuditSort.parse("created_at; drop table offboarding")).isEmpty();
    assertThat(AuditSort.parse("createdAt,up")).isEmpty();
    assertThat(AuditSort.parse("createdAt,asc,again")).isEmpty();
  }

  @Test
  void csvFieldsAreQuotedOnlyWhenNeededAndFormulasAreNeutralised() {
    assertThat(CsvExport.field("plain")).isEqualTo("plain");
    assertThat(CsvExport.field(null)).isEmpty();
    assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvExport.field("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvExport.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }

  @Test
  void csvStartsWithTheHeaderAndEndsLinesWithCrLf() {
    StringWriter out = new StringWriter();
    new CsvExport(out);
    assertThat(out.toString()).isEqualTo(String.join(",", CsvExport.HEADER) + "\r\n");
  }
}
