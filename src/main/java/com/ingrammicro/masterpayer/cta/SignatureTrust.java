package com.ingrammicro.masterpayer.cta;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.springframework.core.io.Resource;

/**
 * Whether a certificate chains to a trusted root: PKIX path building and validation (the JDK's
 * {@code CertPathBuilder} and {@code CertPathValidator}) at the signing time, with the intermediate
 * certificates a signature carries, against the roots of the configured trust store ({@code
 * offboarding.cta.trust-store}) and the JDK's default ones. Revocation is not checked: the
 * application does not fetch CRLs or ask OCSP responders, and every verdict says so.
 */
final class SignatureTrust {

  /** A trust verdict and the sentence that explains it. */
  record Verdict(boolean trusted, String sentence) {}

  static final String REVOCATION_NOT_CHECKED = "revocation (CRL, OCSP) was not checked";

  private final Set<TrustAnchor> anchors;

  private SignatureTrust(Set<TrustAnchor> anchors) {
    this.anchors = Collections.unmodifiableSet(anchors);
  }

  /**
   * The JDK's default trust anchors plus the trusted certificates of {@code trustStore} (PKCS12 or
   * JKS), when one is configured.
   */
  static SignatureTrust of(Resource trustStore, String password) {
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate certificate : jdkDefaults()) {
      anchors.add(new TrustAnchor(certificate, null));
    }
    if (trustStore != null) {
      for (X509Certificate certificate : trusted(load(trustStore, password))) {
        anchors.add(new TrustAnchor(certificate, null));
      }
    }
    return new SignatureTrust(anchors);
  }

  int anchorCount() {
    return anchors.size();
  }

  /**
   * Builds and validates a path from {@code certificate} to a trust anchor at {@code at}, with
   * {@code others} (the certificates the signature carries) as candidate intermediates.
   */
  Verdict verify(X509Certificate certificate, Collection<X509Certificate> others, Instant at) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(certificate);
      PKIXBuilderParameters building = new PKIXBuilderParameters(anchors, target);
      building.setRevocationEnabled(false);
      building.setDate(Date.from(at));
      List<X509Certificate> candidates = new ArrayList<>(others);
      candidates.add(certificate);
      building.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
      PKIXCertPathBuilderResult built =
          (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(building);
      PKIXParameters validation = new PKIXParameters(anchors);
      validation.setRevocationEnabled(false);
      validation.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX").validate(built.getCertPath(), validation);
      return new Verdict(
          true,
          "The certificate chains to the trusted root "
              + built.getTrustAnchor().getTrustedCert().getSubjectX500Principal().getName()
              + " (PKIX, at the signing time); "
              + REVOCATION_NOT_CHECKED
              + ".");
    } catch (CertPathBuilderException | java.security.cert.CertPathValidatorException e) {
      return new Verdict(
          false,
          "No chain to a trusted root was found at the signing time ("
              + e.getMessage()
              + "); "
              + REVOCATION_NOT_CHECKED
              + ".");
    } catch (InvalidAlgorithmParameterException e) {
      return new Verdict(false, "No trusted roots are configured.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PKIX validation is not available", e);
    }
  }

  private static List<X509Certificate> jdkDefaults() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      List<X509Certificate> certificates = new ArrayList<>();
      for (var manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          certificates.addAll(List.of(x509.getAcceptedIssuers()));
        }
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK's default trust store cannot be read", e);
    }
  }

  private static KeyStore load(Resource resource, String password) {
    char[] secret = password == null ? null : password.toCharArray();
    GeneralSecurityException failure = null;
    for (String type : List.of("PKCS12", "JKS")) {
      try (InputStream in = resource.getInputStream()) {
        KeyStore store = KeyStore.getInstance(type);
        store.load(in, secret);
        return store;
      } catch (GeneralSecurityException e) {
        failure = e;
      } catch (IOException e) {
        if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
          throw new IllegalStateException(
              "offboarding.cta.trust-store " + resource + ": wrong trust-store-password", e);
        }
        failure = new GeneralSecurityException(e.getMessage(), e);
      }
    }
    throw new IllegalStateException(
        "offboarding.cta.trust-store " + resource + " is not a readable PKCS12 or JKS trust store",
        failure);
  }

  private static List<X509Certificate> trusted(KeyStore store) {
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isCertificateEntry(alias)
            && store.getCertificate(alias) instanceof X509Certificate certificate) {
          certificates.add(certificate);
        }
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The CTA trust store cannot be read", e);
    }
  }
}
