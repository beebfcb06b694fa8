package com.ingrammicro.masterpayer.cta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureReportTextTest {

  private static SignatureReport.Signature signature(String signer, boolean valid, String problem) {
    return new SignatureReport.Signature(
        SignatureReport.Kind.SIGNATURE,
        signer,
        "CN=Some CA",
        "1f",
        Instant.parse("2026-12-01T10:15:30Z"),
        SignatureReport.SigningTimeSource.TIMESTAMP,
        Instant.parse("2026-12-01T10:15:31Z"),
        valid,
        false,
        true,
        "Not trusted: no chain to a trusted root.",
        problem == null ? List.of() : List.of(problem));
  }

  @Test
  void anUnsignedCopyIsSaidToBeUnsignedAndNotTheIssuedOne() {
    SignatureReport report = new SignatureReport(List.of(), false, true, List.of(), false);

    assertThat(SignatureReportText.signatures(report)).startsWith("No digital signature");
    assertThat(SignatureReportText.issuedCta(report))
        .startsWith("NOT derived from the issued CTA")
        .contains("carries this CTA's identity line");
  }

  @Test
  void eachSignatureIsNumberedWithItsVerdictTimeAndProblems() {
    SignatureReport report =
        new SignatureReport(
            List.of(
                signature("CN=Alice", true, null),
                signature("CN=Mallory", false, "its message digest does not match")),
            true,
            true,
            List.of(),
            false);

    String text = SignatureReportText.signatures(report);

    assertThat(text)
        .contains("1. Signature by CN=Alice\n   issued by CN=Some CA, serial 1f")
        .contains("valid, not trusted, covers the whole document")
        .contains("signed 2026-12-01 10:15:30 UTC (from its timestamp)")
        .contains("timestamped 2026-12-01 10:15:31 UTC")
        .contains("2. Signature by CN=Mallory")
        .contains("NOT VALID")
        .contains("problem: its message digest does not match");
    assertThat(SignatureReportText.issuedCta(report)).startsWith("Same document as issued");
  }

  @Test
  void aReportTooLongForAVariableIsShortenedAndSaysWhereTheRestIs() {
    SignatureReport report =
        new SignatureReport(
            Collections.nCopies(20, signature("CN=" + "x".repeat(200), true, null)),
            true,
            false,
            List.of(),
            false);

    String text = SignatureReportText.signatures(report);

    assertThat(text.length()).isLessThan(4000);
    assertThat(text).endsWith("the whole report is in the trail and the evidence bundle)");
  }
}
