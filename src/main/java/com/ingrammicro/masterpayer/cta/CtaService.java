package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.offboarding.OffboardingService;
import com.ingrammicro.masterpayer.offboarding.ResellerAction;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Digests;
import com.ingrammicro.masterpayer.system.Problems;
import com.ingrammicro.masterpayer.system.Resellers;
import com.ingrammicro.masterpayer.system.RetryingTransactions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/** Issues the CTA, accepts signed copies and serves both, each stored once with its SHA-256. */
@Service
public class CtaService implements DocumentQuery {

  /** A document with its content. */
  public record DocumentContent(Document document, byte[] content) {}

  private static final String SYSTEM_USER = "system";

  private final DocumentRepository documents;
  private final OffboardingService offboardings;
  private final CtaJourney journey;
  private final Resellers resellers;
  private final CtaProperties properties;
  private final CtaSignatures signatures;
  private final RetryingTransactions transactions;
  private final Clock clock;

  CtaService(
      DocumentRepository documents,
      OffboardingService offboardings,
      CtaJourney journey,
      Resellers resellers,
      CtaProperties properties,
      CtaSignatures signatures,
      RetryingTransactions transactions,
      Clock clock) {
    this.signatures = signatures;
    this.documents = documents;
    this.offboardings = offboardings;
    this.journey = journey;
    this.resellers = resellers;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Produces the CTA of an offboarding, or returns the one already issued: a retried job never
   * issues a second one (the database's unique index guarantees it).
   */
  public Document issue(Offboarding offboarding) {
    Optional<Document> issued = documents.findLatest(offboarding.id(), DocumentKind.CTA_ISSUED);
    if (issued.isPresent()) {
      return issued.get();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    byte[] pdf =
        CtaPdf.issue(
            new CtaPdf.Terms(
                offboarding.id(),
                offboarding.payerAccountId(),
                resellers.displayName(offboarding.resellerId()),
                offboarding.resellerId(),
                offboarding.newResponsibleParty().name(),
                offboarding.newResponsibleParty().kind().name(),
                offboarding.newResponsibleParty().email(),
                properties.consentingParty(),
                offboarding.reason(),
                LocalDate.from(now)));
    Document document =
        new Document(
            UUID.randomUUID(),
            offboarding.id(),
            DocumentKind.CTA_ISSUED,
            "consent-to-assignment-" + offboarding.payerAccountId() + ".pdf",
            MediaType.APPLICATION_PDF_VALUE,
            pdf.length,
            Digests.sha256Hex(pdf),
            now,
            SYSTEM_USER);
    try {
      documents.insert(document, pdf);
      return document;
    } catch (DuplicateKeyException issuedConcurrently) {
      return documents
          .findLatest(offboarding.id(), DocumentKind.CTA_ISSUED)
          .orElseThrow(() -> issuedConcurrently);
    }
  }

  /** The issued CTA with its content, for mails. */
  public DocumentContent issued(UUID offboardingId) {
    Document document =
        documents
            .findLatest(offboardingId, DocumentKind.CTA_ISSUED)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "No CTA was issued for offboarding " + offboardingId));
    return new DocumentContent(document, documents.content(document.id()));
  }

  /** Every document of an offboarding, oldest first (for the audit: no access check here). */
  @Override
  public List<Document> documents(UUID offboardingId) {
    return documents.findAll(offboardingId);
  }

  /** A document's stored bytes. */
  @Override
  public byte[] content(Document document) {
    return documents.content(document.id());
  }

  /** The signature report stored with a signed copy. */
  @Override
  public Optional<SignatureReport> signatureReport(Document document) {
    return documents.signatureReport(document.id());
  }

  /** The latest document of a kind, if the caller may see the offboarding. */
  DocumentContent read(AppUser user, UUID offboardingId, DocumentKind kind) {
    Offboarding offboarding = offboardings.get(user, offboardingId);
    Document document =
        documents
            .findLatest(offboarding.id(), kind)
            .orElseThrow(
                () ->
                    Problems.problem(
                        HttpStatus.CONFLICT,
                        "document-not-available",
                        "Document not available yet",
                        kind == DocumentKind.CTA_ISSUED
                            ? "The CTA of offboarding "
                                + offboardingId
                                + " is issued once Ingram IaaS sales approve the request."
                            : "No signed CTA has been uploaded for offboarding "
                                + offboardingId
                                + "."));
    return new DocumentContent(document, documents.content(document.id()));
  }

  /**
   * Fails with 409 unless the caller's offboarding waits for a signed CTA; cheap, so it runs before
   * the upload is read.
   */
  Offboarding requireAwaitingSignature(AppUser user, UUID offboardingId) {
    Offboarding offboarding = offboardings.getOwn(user, offboardingId);
    if (offboarding.resellerAction() != ResellerAction.SIGN_CTA) {
      throw notAwaitingSignature(offboardingId);
    }
    return offboarding;
  }

  /**
   * Verifies a signed CTA's signatures against the issued CTA, refuses it with 422 when it breaks
   * the signature policy ({@link SignaturePolicy}), then stores it with its signature report and
   * hands it to the journey in one transaction: if the journey does not take it, nothing is stored.
   */
  SignedCta acceptSigned(AppUser user, UUID offboardingId, byte[] pdf) {
    requireAwaitingSignature(user, offboardingId);
    CtaSignatures.Verified verified = signatures.verify(pdf, issuedForVerification(offboardingId));
    SignatureReport report = verified.report();
    SignaturePolicy.check(report, properties.requireDigitalSignatures());
    return transactions.execute(
        () -> {
          Offboarding offboarding = requireAwaitingSignature(user, offboardingId);
          SignedCta signed = store(offboarding, pdf, verified, user.userId());
          if (!journey.signedCtaReceived(offboarding, signed, user)) {
            throw notAwaitingSignature(offboardingId);
          }
          return signed;
        });
  }

  /** Stores a verified signed copy with its report, created by {@code storedBy}. */
  private SignedCta store(
      Offboarding offboarding, byte[] pdf, CtaSignatures.Verified verified, String storedBy) {
    String sha256 = Digests.sha256Hex(pdf);
    Document document =
        new Document(
            UUID.randomUUID(),
            offboarding.id(),
            DocumentKind.CTA_SIGNED,
            "consent-to-assignment-" + offboarding.payerAccountId() + "-signed.pdf",
            MediaType.APPLICATION_PDF_VALUE,
            pdf.length,
            sha256,
            OffsetDateTime.now(clock),
            storedBy);
    documents.insert(document, pdf, verified.report());
    return new SignedCta(
        document.id(),
        sha256,
        pdf.length,
        verified.inspection().pageCount(),
        verified.inspection().signatureCount(),
        verified.report());
  }

  /** The issued CTA with the identity it carries; null when none was issued. */
  private CtaSignatures.Issued issuedForVerification(UUID offboardingId) {
    return documents
        .findLatest(offboardingId, DocumentKind.CTA_ISSUED)
        .map(
            document -> {
              byte[] content = documents.content(document.id());
              return new CtaSignatures.Issued(content, CtaPdf.identityOf(content));
            })
        .orElse(null);
  }

  /**
   * Stores the signed CTA that an e-signature provider returned for a completed envelope and hands
   * it to the journey, as an upload is (the same inspection and signature verification, stored with
   * its report; the document's creator is the provider). Refused (422) when a signature in it is
   * not valid or it changed after a signature; instead of the number of signatures the policy asks
   * for as many signers who all signed in the envelope's evidence: the provider's document carries
   * the provider's seal, and the envelope's evidence that both parties signed stands for theirs
   * (docs/cta.md, "The policy"). Runs in the caller's transaction, which records the envelope's
   * outcome with it.
   *
   * @param evidence what the provider's API says of the envelope and its signers
   * @return the signed copy, or empty when the journey does not wait for one (then nothing is
   *     stored)
   */
  public Optional<SignedCta> acceptFromESignature(
      Offboarding offboarding, byte[] pdf, EnvelopeEvidence evidence) {
    CtaSignatures.Verified verified =
        signatures.verify(pdf, issuedForVerification(offboarding.id()));
    SignatureReport report = verified.report();
    SignaturePolicy.check(report, 0);
    SignaturePolicy.checkEnvelope(evidence, report, properties.requireDigitalSignatures());
    if (offboarding.resellerAction() != ResellerAction.SIGN_CTA) {
      return Optional.empty();
    }
    SignedCta signed = store(offboarding, pdf, verified, evidence.provider());
    if (!journey.signedCtaReceivedFromESignature(offboarding, signed, evidence.provider())) {
      throw new IllegalStateException(
          "The journey of offboarding " + offboarding.id() + " did not take the signed CTA");
    }
    return Optional.of(signed);
  }

  /** The largest signed CTA accepted, uploaded or returned by an e-signature provider. */
  public long maxSignedSize() {
    return properties.maxSignedSize().toBytes();
  }

  private static RuntimeException notAwaitingSignature(UUID offboardingId) {
    return Problems.problem(
        HttpStatus.CONFLICT,
        "not-awaiting-signature",
        "No signature awaited",
        "Offboarding " + offboardingId + " is not waiting for a signed CTA.");
  }
}
