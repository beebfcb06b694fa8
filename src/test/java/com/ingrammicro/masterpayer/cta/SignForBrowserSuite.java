package com.ingrammicro.masterpayer.cta;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signs a PDF as the assignor and then the assignee, for the browser suite (e2e/run.sh runs it from
 * the application's jar with the test classes on the loader path): {@code <in> <out>}. The
 * certificates are this run's {@link TestPki}, which the application does not trust: the signatures
 * are valid and shown as not trusted.
 */
public final class SignForBrowserSuite {

  private SignForBrowserSuite() {}

  public static void main(String[] args) throws Exception {
    byte[] issued = Files.readAllBytes(Path.of(args[0]));
    byte[] signed =
        TestSigning.sign(TestSigning.sign(issued, TestPki.assignor()), TestPki.assignee());
    Files.write(Path.of(args[1]), signed);
  }
}
