package com.ingrammicro.masterpayer.support;

import com.ingrammicro.masterpayer.cta.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with a real SMTP server, AWS's IAM and STS on loopback
 * ({@link FakeAws}, the automated access removal on) and DocuSign on loopback ({@link
 * TestDocuSign}, e-signature on), and a client that drives it as its users do: the base of the
 * scenario tests that run end to end over HTTP. Test classes with the same configuration ({@link
 * OnH2}, {@link OnPostgres}) share one application through Spring's context cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApplication {

  protected static final TestSmtp SMTP = new TestSmtp().start();
  protected static final FakeAws AWS = new FakeAws().pageSize(10);
  protected static final TestDocuSign DOCUSIGN = new TestDocuSign().start();

  @DynamicPropertySource
  static void outsideWorld(DynamicPropertyRegistry registry) {
    SMTP.registerWith(registry);
    // every journey of these applications sends its CTA for e-signature too; the upload, the
    // fallback, stays open (docs/esignature.md)
    DOCUSIGN.registerWith(registry);
    registry.add("offboarding.cleanup.enabled", () -> true);
    registry.add("offboarding.cleanup.engine-principal", () -> FakeAws.ENGINE_PRINCIPAL);
    registry.add("offboarding.cleanup.sts-endpoint", AWS::endpoint);
    registry.add("offboarding.cleanup.iam-endpoint", AWS::endpoint);
    registry.add("offboarding.cleanup.cloudformation-endpoint", AWS::endpoint);
    registry.add("offboarding.cleanup.s3-endpoint", AWS::endpoint);
    registry.add(
        "offboarding.cleanup.distributor-accounts.ingram-micro", () -> FakeAws.INGRAM_ACCOUNT);
    // signed CTAs are trusted when they chain to the test PKI's root (cta/TestPki)
    registry.add("offboarding.cta.trust-store", () -> CtaTrustStore.LOCATION);
    registry.add("offboarding.cta.trust-store-password", () -> TestPki.TRUST_STORE_PASSWORD);
    // the engine's own credentials, as the AWS default credential chain finds them
    System.setProperty("aws.accessKeyId", FakeAws.ENGINE_ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", FakeAws.ENGINE_SECRET_KEY);
  }

  /** The test PKI's trust store, written once per test JVM. */
  private static final class CtaTrustStore {
    static final String LOCATION;

    static {
      try {
        Path directory = Files.createTempDirectory("cta-trust-store");
        directory.toFile().deleteOnExit();
        Path file = TestPki.writeTrustStore(directory);
        file.toFile().deleteOnExit();
        LOCATION = file.toUri().toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @LocalServerPort protected int port;
  @Autowired private ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;

  protected Api api;
  protected Journeys journeys;

  @BeforeEach
  void client() {
    // engine-rest and the webapps look their engine up by name in Camunda's static registry, where
    // the
    // application started last (or closed last) left its own: a cached application takes it back
    ProcessEngines.registerProcessEngine(processEngine);
    api = new Api(port);
    journeys = new Journeys(api, runtimeService, managementService);
  }
}
