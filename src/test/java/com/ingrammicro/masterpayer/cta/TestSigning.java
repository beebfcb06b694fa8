package com.ingrammicro.masterpayer.cta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * Signs PDFs as signing tools do: each signature is an incremental update written by PDFBox (a
 * signature field, its widget and a signature dictionary whose {@code /ByteRange} covers the whole
 * file but the {@code /Contents} hex string), and the signature value is a detached CMS SignedData
 * made with BouncyCastle (PAdES {@code ETSI.CAdES.detached}). A signature can carry an RFC 3161
 * signature timestamp from an in-test timestamp authority, and a document timestamp ({@code
 * ETSI.RFC3161}) can be added as validation data. The other updates here change a signed document
 * the way a forger would: a page added, text written on a page.
 *
 * <p>Reusable by any test that needs a signed CTA: {@code TestSigning.sign(pdf,
 * TestPki.assignor())}.
 */
public final class TestSigning {

  /** Room for the CMS: three certificates, a timestamp token and the TSA's certificates. */
  private static final int SIGNATURE_SIZE = 24 * 1024;

  private static final ASN1ObjectIdentifier TSA_POLICY =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.13.1");

  private static final AtomicLong TOKEN_SERIALS = new AtomicLong(1);

  private TestSigning() {}

  /** Adds a signature by {@code signer}, signed now. */
  public static byte[] sign(byte[] pdf, TestPki.Signer signer) {
    return sign(pdf, signer, Instant.now());
  }

  /** Adds a signature by {@code signer} whose CMS signingTime and {@code /M} are {@code at}. */
  public static byte[] sign(byte[] pdf, TestPki.Signer signer, Instant at) {
    return addSignature(pdf, signer, at, content -> cms(content, signer, at));
  }

  /**
   * Adds a signature by {@code signer} signed at {@code signedAt}, with a signature timestamp by
   * {@code tsa} whose genTime is {@code timestampedAt}.
   */
  public static byte[] signTimestamped(
      byte[] pdf,
      TestPki.Signer signer,
      Instant signedAt,
      TestPki.Signer tsa,
      Instant timestampedAt) {
    return addSignature(
        pdf,
        signer,
        signedAt,
        content -> withSignatureTimestamp(cms(content, signer, signedAt), tsa, timestampedAt));
  }

  /**
   * Adds a document timestamp ({@code /Type /DocTimeStamp}, {@code /SubFilter /ETSI.RFC3161}) by
   * {@code tsa}: validation data, not a party's signature.
   */
  public static byte[] timestampDocument(byte[] pdf, TestPki.Signer tsa, Instant at) {
    PDSignature signature = new PDSignature();
    signature.setType(COSName.DOC_TIME_STAMP);
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
    return incrementally(
        pdf,
        signature,
        content -> {
          try {
            return token(content.readAllBytes(), tsa, at).getEncoded();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** An incremental update that adds a page with {@code text} at the end of the document. */
  public static byte[] addPage(byte[] pdf, String text) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        write(content, text);
      }
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      return saveIncremental(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An incremental update that writes {@code text} on the page at {@code pageIndex} (0-based). */
  public static byte[] addText(byte[] pdf, int pageIndex, String text) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(pageIndex);
      try (PDPageContentStream content =
          new PDPageContentStream(
              document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        write(content, text);
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      return saveIncremental(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A detached CMS SignedData over {@code content} by {@code signer}: SHA-256 with RSA, signed
   * attributes contentType, messageDigest and signingTime {@code at}, the signer's chain in the
   * certificate set.
   */
  public static byte[] cms(byte[] content, TestPki.Signer signer, Instant at) {
    try {
      JcaSignerInfoGeneratorBuilder info =
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      info.setSignedAttributeGenerator(
          new DefaultSignedAttributeTableGenerator(
              new AttributeTable(
                  new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))))));
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          info.build(
              new JcaContentSignerBuilder("SHA256withRSA").build(signer.privateKey()),
              signer.certificate()));
      generator.addCertificates(new JcaCertStore(signer.chain()));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An RFC 3161 token by {@code tsa} over the SHA-256 of {@code imprinted}, genTime {@code at}. */
  public static TimeStampToken token(byte[] imprinted, TestPki.Signer tsa, Instant at) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(imprinted);
      TimeStampRequestGenerator request = new TimeStampRequestGenerator();
      request.setCertReq(true);
      TimeStampTokenGenerator generator =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .build("SHA256withRSA", tsa.privateKey(), tsa.certificate()),
              new JcaDigestCalculatorProviderBuilder()
                  .build()
                  .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
              TSA_POLICY);
      generator.addCertificates(new JcaCertStore(tsa.chain()));
      return generator.generate(
          request.generate(TSPAlgorithms.SHA256, digest),
          BigInteger.valueOf(TOKEN_SERIALS.getAndIncrement()),
          Date.from(at));
    } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds an RFC 3161 signature timestamp (an unsigned attribute) to a CMS signature. */
  public static byte[] withSignatureTimestamp(byte[] cms, TestPki.Signer tsa, Instant at) {
    try {
      CMSSignedData signed = new CMSSignedData(cms);
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      TimeStampToken token = token(signer.getSignature(), tsa, at);
      SignerInformation stamped =
          SignerInformation.replaceUnsignedAttributes(
              signer,
              new AttributeTable(
                  new Attribute(
                      PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                      new DERSet(token.toCMSSignedData().toASN1Structure()))));
      return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped)).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CMSException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface CmsMaker {
    byte[] sign(byte[] content);
  }

  private static byte[] addSignature(byte[] pdf, TestPki.Signer signer, Instant at, CmsMaker cms) {
    PDSignature signature = new PDSignature();
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
    signature.setName(signer.name());
    signature.setReason("Consent to Assignment");
    signature.setSignDate(calendar(at));
    return incrementally(pdf, signature, content -> cms.sign(content.readAllBytes()));
  }

  private static byte[] incrementally(byte[] pdf, PDSignature signature, SignatureInterface cms) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      document.addSignature(signature, cms, options);
      return saveIncremental(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] saveIncremental(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.saveIncremental(out);
    return out.toByteArray();
  }

  private static void write(PDPageContentStream content, String text) throws IOException {
    content.beginText();
    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
    content.newLineAtOffset(72, 120);
    content.showText(text);
    content.endText();
  }

  private static Calendar calendar(Instant at) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTime(Date.from(at));
    return calendar;
  }
}
