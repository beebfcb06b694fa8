package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.cta.SignatureReport.Kind;
import com.ingrammicro.masterpayer.cta.SignatureReport.SigningTimeSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Verifies one signature dictionary's cryptography with BouncyCastle: the CMS SignedData over the
 * signed bytes (its messageDigest attribute against the digest of the bytes, its signature value
 * against the signer's certificate), an RFC 3161 signature timestamp when there is one, the
 * certificate's validity at the signing time and its key usage, and the chain ({@link
 * SignatureTrust}). A document timestamp ({@code ETSI.RFC3161}) is checked as a timestamp token
 * over the signed bytes.
 */
final class SignatureCheck {

  private static final Provider BC = new BouncyCastleProvider();

  private static final Set<String> DETACHED_CMS =
      Set.of("adbe.pkcs7.detached", "ETSI.CAdES.detached");
  private static final String DOCUMENT_TIMESTAMP = "ETSI.RFC3161";

  /** Digests no longer accepted for signatures. */
  private static final Set<String> WEAK_DIGESTS =
      Set.of(
          PKCSObjectIdentifiers.md5.getId(),
          org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1.getId());

  private final SignatureTrust trust;

  SignatureCheck(SignatureTrust trust) {
    this.trust = trust;
  }

  /** Checks the signature dictionary {@code dictionary} whose signed bytes are {@code range}. */
  SignatureReport.Signature check(
      COSDictionary dictionary, SignedRange range, byte[] file, Instant now) {
    Report report = new Report();
    report.coversWholeDocument = range.end() == file.length;
    report.problems.addAll(range.problems());
    String subFilter = dictionary.getNameAsString(COSName.SUB_FILTER);
    boolean documentTimestamp =
        DOCUMENT_TIMESTAMP.equals(subFilter)
            || COSName.DOC_TIME_STAMP.equals(dictionary.getCOSName(COSName.TYPE));
    report.kind = documentTimestamp ? Kind.DOCUMENT_TIMESTAMP : Kind.SIGNATURE;
    if (range.end() < 0) {
      return report.build();
    }
    byte[] signed = range.signedContent(file);
    ContentInfo contentInfo = contentInfo(range.signatureValue(), report);
    if (contentInfo == null) {
      return report.build();
    }
    if (documentTimestamp) {
      checkDocumentTimestamp(contentInfo, signed, report);
    } else if (DETACHED_CMS.contains(subFilter)) {
      checkCms(contentInfo, signed, dictionary, report, now);
    } else {
      report.problems.add(
          "its format (/SubFilter "
              + subFilter
              + ") is not supported; PAdES signatures are ETSI.CAdES.detached or"
              + " adbe.pkcs7.detached");
    }
    return report.build();
  }

  private void checkCms(
      ContentInfo contentInfo,
      byte[] signed,
      COSDictionary dictionary,
      Report report,
      Instant now) {
    CMSSignedData cms;
    try {
      cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo);
    } catch (CMSException | RuntimeException e) {
      report.problems.add("its signature value is not a CMS SignedData structure");
      return;
    }
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      report.problems.add(
          "its CMS structure holds " + signers.size() + " signers instead of exactly one");
      return;
    }
    SignerInformation signer = signers.iterator().next();
    List<X509Certificate> carried = certificates(cms.getCertificates());
    X509Certificate certificate = certificateOf(cms.getCertificates(), signer);
    if (certificate == null) {
      report.problems.add("it carries no certificate of its signer");
      return;
    }
    report.certificate(certificate);

    boolean intact = digestMatches(signer, signed, report);
    if (intact) {
      try {
        if (!signer.verify(
            new JcaSimpleSignerInfoVerifierBuilder()
                .setProvider(BC)
                .build(certificate.getPublicKey()))) {
          report.problems.add("its signature value does not verify with the signer's certificate");
        }
      } catch (CMSException | OperatorCreationException | RuntimeException e) {
        report.problems.add(
            "its signature value does not verify with the signer's certificate ("
                + e.getMessage()
                + ")");
      }
    }

    // the signing time: a verified timestamp's genTime, else the signer's own claims
    Attribute stamp =
        attribute(
            signer.getUnsignedAttributes(), PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (stamp != null) {
      Instant genTime = checkSignatureTimestamp(stamp, signer.getSignature(), report);
      if (genTime != null) {
        report.signedAt(genTime, SigningTimeSource.TIMESTAMP);
        report.timestampedAt = genTime;
      }
    }
    if (report.signedAt == null) {
      Attribute signingTime = attribute(signer.getSignedAttributes(), CMSAttributes.signingTime);
      if (signingTime != null) {
        try {
          report.signedAt(
              Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate().toInstant(),
              SigningTimeSource.SIGNING_TIME_ATTRIBUTE);
        } catch (RuntimeException unreadable) {
          report.problems.add("its signingTime attribute cannot be read");
        }
      }
    }
    if (report.signedAt == null) {
      Calendar m = new PDSignature(dictionary).getSignDate();
      if (m != null) {
        report.signedAt(m.toInstant(), SigningTimeSource.SIGNATURE_DICTIONARY);
      }
    }
    Instant at = report.signedAt != null ? report.signedAt : now;
    if (report.signedAt == null) {
      report.signedAtSource = SigningTimeSource.NONE;
    }

    checkValidity(certificate, at, "the signer's certificate", report);
    boolean[] keyUsage = certificate.getKeyUsage();
    if (keyUsage != null && !(keyUsage[0] || (keyUsage.length > 1 && keyUsage[1]))) {
      report.problems.add(
          "the signer's certificate may not sign documents (its key usage has neither"
              + " digitalSignature nor nonRepudiation)");
    }
    SignatureTrust.Verdict verdict = trust.verify(certificate, carried, at);
    report.trusted = verdict.trusted();
    report.trust = verdict.sentence();
  }

  /** The messageDigest signed attribute against the digest of the signed bytes. */
  private static boolean digestMatches(SignerInformation signer, byte[] signed, Report report) {
    AlgorithmIdentifier algorithm = signer.getDigestAlgorithmID();
    if (WEAK_DIGESTS.contains(algorithm.getAlgorithm().getId())) {
      report.problems.add(
          "it uses a digest algorithm (MD5 or SHA-1) no longer accepted for signatures");
      return false;
    }
    Attribute messageDigest = attribute(signer.getSignedAttributes(), CMSAttributes.messageDigest);
    if (messageDigest == null) {
      report.problems.add(
          "it has no signed messageDigest attribute (not a PAdES signature), so what it signs"
              + " cannot be told");
      return false;
    }
    byte[] claimed;
    try {
      claimed =
          ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
    } catch (RuntimeException e) {
      report.problems.add("its messageDigest attribute cannot be read");
      return false;
    }
    byte[] actual = digest(algorithm, signed);
    if (actual == null) {
      report.problems.add(
          "its digest algorithm " + algorithm.getAlgorithm().getId() + " is not supported");
      return false;
    }
    if (!MessageDigest.isEqual(claimed, actual)) {
      report.problems.add(
          "the digest of the bytes its /ByteRange covers does not match the digest it signed:"
              + " the document was changed after it was signed");
      return false;
    }
    return true;
  }

  /** An RFC 3161 signature timestamp: its genTime when the token verifies over this signature. */
  private Instant checkSignatureTimestamp(Attribute stamp, byte[] signatureValue, Report report) {
    TimeStampToken token;
    try {
      token = new TimeStampToken(ContentInfo.getInstance(stamp.getAttrValues().getObjectAt(0)));
    } catch (TSPException | IOException | RuntimeException e) {
      report.problems.add("its signature timestamp is not an RFC 3161 timestamp token");
      return null;
    }
    X509Certificate authority =
        verifyToken(token, signatureValue, "its signature timestamp", report);
    if (authority == null) {
      return null;
    }
    Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
    SignatureTrust.Verdict verdict =
        trust.verify(authority, certificates(token.getCertificates()), genTime);
    report.timestampTrust =
        verdict.trusted()
            ? "The timestamp authority "
                + authority.getSubjectX500Principal().getName()
                + " is trusted."
            : "The timestamp authority "
                + authority.getSubjectX500Principal().getName()
                + " is not trusted.";
    return genTime;
  }

  private void checkDocumentTimestamp(ContentInfo contentInfo, byte[] signed, Report report) {
    TimeStampToken token;
    try {
      token = new TimeStampToken(contentInfo);
    } catch (TSPException | IOException | RuntimeException e) {
      report.problems.add("its value is not an RFC 3161 timestamp token");
      return;
    }
    X509Certificate authority = verifyToken(token, signed, "its timestamp", report);
    if (authority == null) {
      return;
    }
    report.certificate(authority);
    Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
    report.signedAt(genTime, SigningTimeSource.TIMESTAMP);
    report.timestampedAt = genTime;
    SignatureTrust.Verdict verdict =
        trust.verify(authority, certificates(token.getCertificates()), genTime);
    report.trusted = verdict.trusted();
    report.trust = verdict.sentence();
  }

  /**
   * Verifies a token's signature (BouncyCastle also checks the authority's certificate: valid at
   * genTime, extended key usage timeStamping only) and that its imprint is the digest of {@code
   * imprinted}; the authority's certificate when both hold.
   */
  private static X509Certificate verifyToken(
      TimeStampToken token, byte[] imprinted, String what, Report report) {
    X509CertificateHolder holder = holderOf(token.getCertificates(), token.getSID());
    if (holder == null) {
      report.problems.add(what + " carries no certificate of its timestamp authority");
      return null;
    }
    try {
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(holder));
    } catch (TSPException | OperatorCreationException | CertificateException | RuntimeException e) {
      report.problems.add(what + " does not verify (" + e.getMessage() + ")");
      return null;
    }
    byte[] expected = digest(token.getTimeStampInfo().getHashAlgorithm(), imprinted);
    if (expected == null
        || !MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
      report.problems.add(
          what
              + " is not over "
              + (what.contains("signature") ? "this signature's value" : "the signed bytes"));
      return null;
    }
    return convert(holder);
  }

  private static void checkValidity(
      X509Certificate certificate, Instant at, String what, Report report) {
    try {
      certificate.checkValidity(java.util.Date.from(at));
    } catch (CertificateExpiredException e) {
      report.problems.add(
          what
              + " expired on "
              + certificate.getNotAfter().toInstant()
              + ", before the signing time "
              + at);
    } catch (CertificateNotYetValidException e) {
      report.problems.add(
          what
              + " was not yet valid at the signing time "
              + at
              + " (valid from "
              + certificate.getNotBefore().toInstant()
              + ")");
    }
  }

  /**
   * The ContentInfo at the start of the signature value; what follows it may only be the zero
   * padding signing tools reserve.
   */
  private static ContentInfo contentInfo(byte[] value, Report report) {
    try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(value))) {
      ASN1Primitive primitive = in.readObject();
      if (primitive == null) {
        report.problems.add("its signature value is empty");
        return null;
      }
      int length = primitive.getEncoded().length;
      for (int i = length; i < value.length; i++) {
        if (value[i] != 0) {
          report.problems.add(
              "its signature value carries data after the CMS structure (only zero padding may"
                  + " follow it)");
          return null;
        }
      }
      return ContentInfo.getInstance(primitive);
    } catch (IOException | RuntimeException e) {
      report.problems.add("its signature value is not a CMS structure");
      return null;
    }
  }

  private static byte[] digest(AlgorithmIdentifier algorithm, byte[] content) {
    try {
      DigestCalculator calculator =
          new JcaDigestCalculatorProviderBuilder().setProvider(BC).build().get(algorithm);
      try (OutputStream out = calculator.getOutputStream()) {
        out.write(content);
      }
      return calculator.getDigest();
    } catch (OperatorCreationException | IOException e) {
      return null;
    }
  }

  private static Attribute attribute(
      AttributeTable table, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    if (table == null) {
      return null;
    }
    Attribute attribute = table.get(type);
    if (attribute == null || attribute.getAttrValues().size() == 0) {
      return null;
    }
    return attribute;
  }

  private static X509Certificate certificateOf(
      Store<X509CertificateHolder> store, SignerInformation signer) {
    X509CertificateHolder holder = holderOf(store, signer.getSID());
    return holder == null ? null : convert(holder);
  }

  private static X509CertificateHolder holderOf(
      Store<X509CertificateHolder> store,
      org.bouncycastle.util.Selector<X509CertificateHolder> id) {
    Collection<X509CertificateHolder> matches = store.getMatches(id);
    return matches.isEmpty() ? null : matches.iterator().next();
  }

  private static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder holder : store.getMatches(null)) {
      X509Certificate certificate = convert(holder);
      if (certificate != null) {
        certificates.add(certificate);
      }
    }
    return certificates;
  }

  private static X509Certificate convert(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      return null;
    }
  }

  /** The findings about one signature dictionary, collected as the checks run. */
  private static final class Report {
    Kind kind = Kind.SIGNATURE;
    String signer;
    String issuer;
    String serial;
    Instant signedAt;
    SigningTimeSource signedAtSource = SigningTimeSource.NONE;
    Instant timestampedAt;
    boolean trusted;
    boolean coversWholeDocument;
    String trust = "Not checked: the signature itself could not be read.";
    String timestampTrust;
    final List<String> problems = new ArrayList<>();

    void certificate(X509Certificate certificate) {
      signer = certificate.getSubjectX500Principal().getName();
      issuer = certificate.getIssuerX500Principal().getName();
      serial = certificate.getSerialNumber().toString(16);
    }

    void signedAt(Instant at, SigningTimeSource source) {
      signedAt = at;
      signedAtSource = source;
    }

    SignatureReport.Signature build() {
      String trustSentence = timestampTrust == null ? trust : trust + " " + timestampTrust;
      return new SignatureReport.Signature(
          kind,
          signer,
          issuer,
          serial,
          signedAt,
          signedAtSource,
          timestampedAt,
          problems.isEmpty(),
          trusted && problems.isEmpty(),
          coversWholeDocument,
          trustSentence,
          problems);
    }
  }
}
