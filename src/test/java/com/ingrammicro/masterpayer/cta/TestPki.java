package com.ingrammicro.masterpayer.cta;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small public-key infrastructure for tests, made with BouncyCastle: a root CA (the one a test
 * trust store holds), an intermediate signing CA under it, signers for the assignor and the
 * assignee, a signer whose certificate has expired, a signer under a root nobody trusts, and a
 * timestamp authority (extended key usage timeStamping, critical, as RFC 3161 requires). RSA 2048
 * and SHA-256, as the signing services in use issue them. Built once per JVM, on first use.
 *
 * <p>Reusable by any test that needs real signatures ({@link TestSigning} signs PDFs with it).
 */
public final class TestPki {

  /** The password of every trust store {@link #writeTrustStore} writes. */
  public static final String TRUST_STORE_PASSWORD = "changeit";

  /**
   * A key with its certificate; {@code name} is the subject's common name, {@code chain} is what a
   * signature carries: the certificate first, then the intermediates up to, not including, the
   * root.
   */
  public record Signer(
      String name,
      PrivateKey privateKey,
      X509Certificate certificate,
      List<X509Certificate> chain) {

    /** The subject as the signature report names it (RFC 2253). */
    public String subject() {
      return certificate.getSubjectX500Principal().getName();
    }
  }

  /** A certificate authority: its key and certificate. */
  public record Authority(PrivateKey privateKey, X509Certificate certificate) {}

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private static final class Holder {
    static final TestPki PKI = new TestPki();
  }

  private final Authority root;
  private final Authority intermediate;
  private final Authority untrustedRoot;
  private final Signer assignor;
  private final Signer assignee;
  private final Signer expired;
  private final Signer untrusted;
  private final Signer timestampAuthority;

  private TestPki() {
    Instant now = Instant.now();
    Instant longAgo = now.minus(Duration.ofDays(3650));
    Instant farAhead = now.plus(Duration.ofDays(3650));
    root = selfSigned("CN=Offboarding Test Root CA,O=Test PKI,C=GB", longAgo, farAhead);
    intermediate =
        authority(root, "CN=Offboarding Test Signing CA,O=Test PKI,C=GB", longAgo, farAhead);
    untrustedRoot = selfSigned("CN=Unknown Root CA,O=Nobody,C=XX", longAgo, farAhead);
    assignor =
        issue(
            intermediate,
            "CN=Alice Assignor,O=Acme Cloud Solutions Ltd,C=GB",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)),
            false);
    assignee =
        issue(
            intermediate,
            "CN=Bob Assignee,O=Contoso Distribution,C=GB",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)),
            false);
    expired =
        issue(
            intermediate,
            "CN=Eve Expired,O=Acme Cloud Solutions Ltd,C=GB",
            now.minus(Duration.ofDays(3 * 365)),
            now.minus(Duration.ofDays(365)),
            false);
    untrusted =
        issue(
            untrustedRoot,
            "CN=Mallory Untrusted,O=Nobody,C=XX",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(365)),
            false);
    timestampAuthority =
        issue(intermediate, "CN=Offboarding Test TSA,O=Test PKI,C=GB", longAgo, farAhead, true);
  }

  /** The signer for the assignor (the reseller), under the trusted root. */
  public static Signer assignor() {
    return Holder.PKI.assignor;
  }

  /** The signer for the assignee (the new responsible party), under the trusted root. */
  public static Signer assignee() {
    return Holder.PKI.assignee;
  }

  /** A signer under the trusted root whose certificate expired a year ago. */
  public static Signer expired() {
    return Holder.PKI.expired;
  }

  /** A signer whose root CA is in no trust store. */
  public static Signer untrusted() {
    return Holder.PKI.untrusted;
  }

  /** A timestamp authority under the trusted root. */
  public static Signer timestampAuthority() {
    return Holder.PKI.timestampAuthority;
  }

  /** The root CA a test trust store holds. */
  public static X509Certificate root() {
    return Holder.PKI.root.certificate();
  }

  /** A signer under the trusted intermediate with the given subject and validity. */
  public static Signer issue(String subject, Instant notBefore, Instant notAfter) {
    return issue(Holder.PKI.intermediate, subject, notBefore, notAfter, false);
  }

  /**
   * Writes a PKCS12 trust store that holds the trusted root, password {@link
   * #TRUST_STORE_PASSWORD}, and returns its path.
   */
  public static Path writeTrustStore(Path directory) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("offboarding-test-root", root());
      Path file = directory.resolve("cta-trust-store.p12");
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, TRUST_STORE_PASSWORD.toCharArray());
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Authority selfSigned(String subject, Instant notBefore, Instant notAfter) {
    KeyPair keys = newKeys();
    X509Certificate certificate =
        certificate(
            name(subject),
            keys.getPublic(),
            name(subject),
            keys.getPublic(),
            keys.getPrivate(),
            notBefore,
            notAfter,
            Kind.CA);
    return new Authority(keys.getPrivate(), certificate);
  }

  private static Authority authority(
      Authority issuer, String subject, Instant notBefore, Instant notAfter) {
    KeyPair keys = newKeys();
    X509Certificate certificate =
        certificate(
            name(subject),
            keys.getPublic(),
            X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            issuer.certificate().getPublicKey(),
            issuer.privateKey(),
            notBefore,
            notAfter,
            Kind.CA);
    return new Authority(keys.getPrivate(), certificate);
  }

  private static Signer issue(
      Authority issuer, String subject, Instant notBefore, Instant notAfter, boolean timestamping) {
    KeyPair keys = newKeys();
    X509Certificate certificate =
        certificate(
            name(subject),
            keys.getPublic(),
            X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
            issuer.certificate().getPublicKey(),
            issuer.privateKey(),
            notBefore,
            notAfter,
            timestamping ? Kind.TIMESTAMPING : Kind.SIGNING);
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    // the issuing CA, unless it is a root: a signature carries the intermediates, not the anchor
    if (!issuer
        .certificate()
        .getSubjectX500Principal()
        .equals(issuer.certificate().getIssuerX500Principal())) {
      chain.add(issuer.certificate());
    }
    return new Signer(
        subject.substring("CN=".length(), subject.indexOf(',')),
        keys.getPrivate(),
        certificate,
        List.copyOf(chain));
  }

  private enum Kind {
    CA,
    SIGNING,
    TIMESTAMPING
  }

  private static X509Certificate certificate(
      X500Name subject,
      PublicKey subjectKey,
      X500Name issuer,
      PublicKey issuerKey,
      PrivateKey issuerPrivateKey,
      Instant notBefore,
      Instant notAfter,
      Kind kind) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  issuer,
                  BigInteger.valueOf(SERIALS.incrementAndGet()),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  subjectKey)
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(subjectKey))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(issuerKey));
      switch (kind) {
        case CA ->
            builder
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        case SIGNING ->
            builder
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        case TIMESTAMPING ->
            builder
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(
                    Extension.extendedKeyUsage,
                    true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerPrivateKey)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot issue a test certificate for " + subject, e);
    }
  }

  /** As X.500 orders it (country first), which RFC 2253 writes back as {@code subject}. */
  private static X500Name name(String subject) {
    return X500Name.getInstance(new X500Principal(subject).getEncoded());
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
