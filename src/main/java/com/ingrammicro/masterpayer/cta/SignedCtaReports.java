package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.offboarding.SignedCtaProgress;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The latest signed copy's report, for the offboarding view (the caller checked access). */
@Component
class SignedCtaReports implements SignedCtaProgress {

  private final DocumentRepository documents;

  SignedCtaReports(DocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public Optional<Summary> of(UUID offboardingId) {
    return documents
        .findLatest(offboardingId, DocumentKind.CTA_SIGNED)
        .flatMap(
            document ->
                documents
                    .signatureReport(document.id())
                    .map(
                        report ->
                            new Summary(
                                document.id(),
                                document.sha256(),
                                document.createdAt(),
                                document.createdBy(),
                                report.signatures().stream()
                                    .map(
                                        signature ->
                                            new Signature(
                                                signature.signer(),
                                                signature.issuer(),
                                                signature.valid(),
                                                signature.trusted(),
                                                signature.coversWholeDocument(),
                                                signature.signedAt()))
                                    .toList(),
                                report.derivedFromIssuedCta(),
                                report.identityTextPresent())));
  }
}
