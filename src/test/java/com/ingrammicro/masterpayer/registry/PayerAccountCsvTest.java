package com.ingrammicro.masterpayer.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shape of a CSV import: header, quoting, line numbers, the file's encoding. */
class PayerAccountCsvTest {

  @Test
  void rowsKeepTheirLineNumbersAndQuotedFieldsTheirCommasAndQuotes() {
    PayerAccountCsv.Parsed parsed =
        parse(
            "\uFEFFaccountId, resellerId ,name\r\n"
                + "123456789012,ACME,Acme Retail\r\n"
                + "\r\n"
                + "123456789013, ACME ,\"Acme, \"\"Media\"\"\"\r\n"
                + "123456789014,ACME,\r\n");

    assertThat(parsed.badRows()).isEmpty();
    assertThat(parsed.rows())
        .containsExactly(
            new PayerAccountCsv.Row(2, "123456789012", "ACME", "Acme Retail"),
            new PayerAccountCsv.Row(4, "123456789013", "ACME", "Acme, \"Media\""),
            new PayerAccountCsv.Row(5, "123456789014", "ACME", ""));
  }

  @Test
  void brokenLinesAreNamedWithTheirNumber() {
    PayerAccountCsv.Parsed parsed =
        parse(
            "accountId,resellerId,name\n"
                + "123456789012,ACME\n"
                + "123456789013,ACME,\"open\n"
                + "123456789014,ACME,\"closed\"then text\n"
                + "123456789015,ACME,a,b\n"
                + "123456789016,ACME,fine");

    assertThat(parsed.rows()).extracting(PayerAccountCsv.Row::line).containsExactly(6);
    assertThat(parsed.badRows())
        .extracting(PayerAccountCsv.BadRow::line)
        .containsExactly(2, 3, 4, 5);
    assertThat(parsed.badRows().get(0).reason()).contains("has 2 fields instead of 3");
    assertThat(parsed.badRows().get(1).reason()).contains("quoted field is not closed");
    assertThat(parsed.badRows().get(3).reason()).contains("has 4 fields");
  }

  @Test
  void aFileWithoutTheHeaderOrWithoutRowsOrNotInUtf8IsRefusedAtLineOne() {
    assertThat(parse("123456789012,ACME,Acme\n").badRows())
        .singleElement()
        .satisfies(bad -> assertThat(bad.reason()).contains("header accountId,resellerId,name"));
    assertThat(parse("accountId,resellerId,name\n\n").badRows())
        .singleElement()
        .satisfies(bad -> assertThat(bad.reason()).contains("no payer accounts"));
    assertThat(
            PayerAccountCsv.parse(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}).badRows())
        .singleElement()
        .satisfies(
            bad -> {
              assertThat(bad.line()).isEqualTo(1);
              assertThat(bad.reason()).contains("not UTF-8");
            });
  }

  private static PayerAccountCsv.Parsed parse(String csv) {
    return PayerAccountCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
  }
}
