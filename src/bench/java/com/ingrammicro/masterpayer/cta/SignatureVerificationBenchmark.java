package com.ingrammicro.masterpayer.cta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;

/**
 * Benchmark program (not a test): how long the verification of an uploaded CTA signed by the
 * assignor and the assignee takes, from the bytes to the signature report (the bounded reading,
 * both signatures' cryptography and chains, the comparison of the first signed revision with the
 * whole file, the match against the issued CTA). The CTA is the one the application issues, signed
 * by {@link TestSigning} with {@link TestPki}'s RSA 2048 certificates; trust anchors are the test
 * root and the JDK's. Prints the median and the 90th percentile of {@code cta.bench.runs} runs
 * (default 50) after {@code cta.bench.warmup} (default 20). Run with {@code ./mvnw -q test-compile
 * exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.ingrammicro.masterpayer.cta.SignatureVerificationBenchmark}.
 */
public final class SignatureVerificationBenchmark {

  private static final int RUNS = Integer.getInteger("cta.bench.runs", 50);
  private static final int WARMUP = Integer.getInteger("cta.bench.warmup", 20);

  private SignatureVerificationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("cta-bench");
    CtaSignatures verifier =
        new CtaSignatures(
            SignatureTrust.of(
                new FileSystemResource(TestPki.writeTrustStore(directory)),
                TestPki.TRUST_STORE_PASSWORD),
            Clock.systemUTC());
    byte[] issued =
        CtaPdf.issue(
            new CtaPdf.Terms(
                UUID.randomUUID(),
                "123456789012",
                "Acme Cloud Solutions Ltd",
                "ACME",
                "Contoso Distribution",
                "DISTRIBUTOR",
                "billing@contoso.example",
                "Ingram Micro Inc.",
                "Moving to another distributor",
                LocalDate.now()));
    CtaSignatures.Issued issuedCta =
        new CtaSignatures.Issued(issued, Optional.of(CtaPdf.identityOf(issued).orElseThrow()));
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee());

    SignatureReport report = verifier.verify(signed, issuedCta).report();
    if (report.validSignatureCount() != 2
        || !report.derivedFromIssuedCta()
        || !report.changesAfterSigning().isEmpty()) {
      throw new IllegalStateException("The benchmark's CTA does not verify: " + report);
    }
    for (int i = 0; i < WARMUP; i++) {
      verifier.verify(signed, issuedCta);
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      verifier.verify(signed, issuedCta);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "Verification of a two-signature CTA (%d bytes, %d pages): median %.1f ms, p90 %.1f ms"
            + " (%d runs after %d warm-up, %d cores)%n",
        signed.length,
        verifier.verify(signed, issuedCta).inspection().pageCount(),
        nanos[RUNS / 2] / 1e6,
        nanos[(int) Math.ceil(RUNS * 0.9) - 1] / 1e6,
        RUNS,
        WARMUP,
        Runtime.getRuntime().availableProcessors());
  }
}
