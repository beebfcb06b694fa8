package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.system.Problems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Which signed copies the journey takes ({@code offboarding.cta.require-digital-signatures}): none
 * with a signature that is not valid, none changed after a signature, none with fewer valid
 * signatures of parties than the policy asks. A signature that is intact but not trusted counts as
 * valid (the countersigner sees it is untrusted); a copy not derived from the issued CTA is
 * flagged, not refused: its valid signatures count, and the countersigner judges it (docs/cta.md,
 * "The policy").
 */
final class SignaturePolicy {

  private SignaturePolicy() {}

  /**
   * Refuses {@code report} with 422 when it breaks the policy; the problem's type is the first rule
   * broken (invalid-signature, changed-after-signing, too-few-signatures), its detail names every
   * reason, and its {@code signatureReport} property carries the report.
   */
  static void check(SignatureReport report, int required) {
    List<String> reasons = new ArrayList<>();
    String type = null;
    List<SignatureReport.Signature> signatures = report.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      SignatureReport.Signature signature = signatures.get(i);
      if (!signature.valid()) {
        type = type == null ? "invalid-signature" : type;
        reasons.add(
            name(signature, i + 1)
                + " is not valid: "
                + String.join("; ", signature.problems())
                + ".");
      }
    }
    if (!report.changesAfterSigning().isEmpty()) {
      type = type == null ? "changed-after-signing" : type;
      reasons.add(
          "The document was changed after it was signed: "
              + String.join("; ", report.changesAfterSigning())
              + ".");
    }
    long valid = report.validSignatureCount();
    if (valid < required) {
      type = type == null ? "too-few-signatures" : type;
      reasons.add(
          "The signed CTA needs "
              + required
              + " valid digital signature"
              + (required == 1 ? "" : "s")
              + " by different signers (assignor and assignee); it has "
              + valid
              + ".");
    }
    if (type != null) {
      throw refused(type, String.join(" ", reasons), report);
    }
  }

  /**
   * Refuses a provider's signed copy with 422 when the envelope does not show at least {@code
   * required} signers who all signed: the provider seals the document once, so its recipients stand
   * for the parties' signatures (docs/cta.md, "The policy").
   */
  static void checkEnvelope(EnvelopeEvidence evidence, SignatureReport report, int required) {
    if (required == 0) {
      return;
    }
    if (!evidence.allSigned() || evidence.recipients().size() < required) {
      long signed =
          evidence.recipients().stream().filter(recipient -> recipient.signedAt() != null).count();
      throw refused(
          "too-few-signatures",
          "The signed CTA needs "
              + required
              + " signers; envelope "
              + evidence.envelopeId()
              + " shows "
              + signed
              + " of its "
              + evidence.recipients().size()
              + " recipients as signed.",
          report);
    }
  }

  private static String name(SignatureReport.Signature signature, int number) {
    String what =
        signature.kind() == SignatureReport.Kind.DOCUMENT_TIMESTAMP
            ? "Document timestamp "
            : "Signature ";
    return what + number + (signature.signer() == null ? "" : " (" + signature.signer() + ")");
  }

  private static ErrorResponseException refused(
      String type, String detail, SignatureReport report) {
    ErrorResponseException problem =
        Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, type, "Signed CTA refused", detail);
    problem.getBody().setProperty("signatureReport", report);
    return problem;
  }
}
