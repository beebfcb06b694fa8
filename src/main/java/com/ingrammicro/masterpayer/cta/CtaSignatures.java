package com.ingrammicro.masterpayer.cta;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Verifies the digital signatures of a signed CTA and tells whether it is the CTA issued for the
 * offboarding: the PDF is first read as {@link SignedCtaInspector} reads any upload (bounded, no
 * active content), then every signature dictionary is checked ({@link SignedRange}, {@link
 * SignatureCheck}), the revisions the signatures end are compared with what follows them ({@link
 * RevisionChanges}), and the copy is compared with the issued file. How each verdict is reached:
 * docs/cta.md.
 */
@Component
class CtaSignatures {

  /** What verification found, with what the inspection read. */
  record Verified(SignedCtaInspector.Inspection inspection, SignatureReport report) {}

  /** The CTA issued for the offboarding: its bytes and the identity it carries. */
  record Issued(byte[] content, Optional<CtaPdf.Identity> identity) {}

  static final int MAX_SIGNATURES = 20;

  /** Verification after the inspection: every prefix revision, the cryptography, the text. */
  private static final long VERIFICATION_BUDGET_NANOS = 5_000_000_000L;

  /** The identity line is on every page of the issued CTA; a copy's first pages show it. */
  private static final int MAX_TEXT_PAGES = 20;

  private static final Logger log = LoggerFactory.getLogger(CtaSignatures.class);

  private final SignatureCheck check;
  private final Clock clock;

  @Autowired
  CtaSignatures(CtaProperties properties, Clock clock) {
    this(SignatureTrust.of(properties.trustStore(), properties.trustStorePassword()), clock);
  }

  /** With the given trust anchors (tests, benchmarks). */
  CtaSignatures(SignatureTrust trust, Clock clock) {
    this.check = new SignatureCheck(trust);
    this.clock = clock;
  }

  /**
   * Verifies {@code pdf}; {@code issued} is the offboarding's issued CTA, null when there is none.
   *
   * @throws ErrorResponseException 415 when the upload, or a revision a signature ends, is not a
   *     readable PDF; 422 when it is unsafe or takes too long to verify
   */
  Verified verify(byte[] pdf, Issued issued) {
    long start = System.nanoTime();
    try (SignedCtaInspector.Opened opened =
        SignedCtaInspector.open(pdf, start + SignedCtaInspector.TIME_BUDGET_NANOS)) {
      long deadline = start + SignedCtaInspector.TIME_BUDGET_NANOS + VERIFICATION_BUDGET_NANOS;
      return new Verified(opened.inspection(), report(pdf, opened.document(), issued, deadline));
    } catch (RevisionChanges.VerificationTimeout e) {
      throw SignedCtaInspector.unsafe("it takes too long to verify");
    } catch (IOException e) {
      throw new IllegalStateException("Cannot close a verified PDF", e);
    }
  }

  private SignatureReport report(byte[] pdf, PDDocument document, Issued issued, long deadline) {
    record Found(COSDictionary dictionary, SignedRange range) {}
    List<PDSignature> dictionaries = document.getSignatureDictionaries();
    if (dictionaries.size() > MAX_SIGNATURES) {
      throw SignedCtaInspector.unsafe("it carries more than " + MAX_SIGNATURES + " signatures");
    }
    List<Found> found = new ArrayList<>();
    Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PDSignature signature : dictionaries) {
      // two fields may name one signature dictionary: it is one signature
      if (seen.add(signature.getCOSObject())) {
        found.add(
            new Found(signature.getCOSObject(), SignedRange.of(signature.getCOSObject(), pdf)));
      }
    }
    // signing order: each signature ends the revision it signs; an unsound one goes last
    found.sort(
        Comparator.comparingLong(
            (Found f) -> f.range().end() < 0 ? Long.MAX_VALUE : f.range().end()));

    Map<Integer, List<String>> revisionProblems = new HashMap<>();
    // a copy of a signature dictionary covers the same bytes with the same value: counted once
    Map<List<Long>, Integer> byRange = new HashMap<>();
    for (int i = 0; i < found.size(); i++) {
      SignedRange range = found.get(i).range();
      if (range.end() < 0) {
        continue;
      }
      Integer first =
          byRange.putIfAbsent(
              List.of(range.firstLength(), range.secondStart(), range.end()), i + 1);
      if (first != null) {
        revisionProblems
            .computeIfAbsent(i, k -> new ArrayList<>())
            .add("it covers the same bytes as signature " + first + ", of which it is a copy");
      }
    }
    List<String> changes =
        changesAfterSigning(
            pdf, document, found.stream().map(Found::range).toList(), revisionProblems, deadline);

    Instant now = clock.instant();
    List<SignatureReport.Signature> signatures = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      SignatureReport.Signature signature =
          checked(found.get(i).dictionary(), found.get(i).range(), pdf, now);
      List<String> extra = revisionProblems.getOrDefault(i, List.of());
      if (!extra.isEmpty()) {
        List<String> problems = new ArrayList<>(signature.problems());
        problems.addAll(extra);
        signature =
            new SignatureReport.Signature(
                signature.kind(),
                signature.signer(),
                signature.issuer(),
                signature.serial(),
                signature.signedAt(),
                signature.signedAtSource(),
                signature.timestampedAt(),
                false,
                false,
                signature.coversWholeDocument(),
                signature.trust(),
                problems);
      }
      signatures.add(signature);
    }

    boolean derived =
        issued != null
            && pdf.length >= issued.content().length
            && Arrays.equals(
                pdf, 0, issued.content().length, issued.content(), 0, issued.content().length)
            && !changedSinceIssued(
                pdf,
                document,
                issued.content().length,
                found.stream().map(Found::range).toList(),
                deadline);
    boolean identityText;
    if (issued == null || issued.identity().isEmpty()) {
      identityText = false;
    } else if (derived) {
      identityText = true; // the issued file, identity update included, is the copy's prefix
    } else {
      identityText = showsIdentity(document, issued.identity().get(), deadline);
    }
    return new SignatureReport(signatures, derived, identityText, changes, false);
  }

  /**
   * One signature's check; a failure nobody foresaw makes the signature invalid (and the copy
   * refused) rather than the upload fail.
   */
  private SignatureReport.Signature checked(
      COSDictionary dictionary, SignedRange range, byte[] pdf, Instant now) {
    try {
      return check.check(dictionary, range, pdf, now);
    } catch (RevisionChanges.VerificationTimeout | ErrorResponseException e) {
      throw e;
    } catch (RuntimeException unforeseen) {
      log.warn("A signature of an uploaded CTA could not be verified", unforeseen);
      return new SignatureReport.Signature(
          SignatureReport.Kind.SIGNATURE,
          null,
          null,
          null,
          null,
          SignatureReport.SigningTimeSource.NONE,
          null,
          false,
          false,
          range.end() == pdf.length,
          "Not checked: the signature itself could not be read.",
          List.of("it cannot be verified (" + unforeseen.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * Compares each revision a signature ends with the next one (or the whole file): the changes in
   * between, each named after the latest signature before them. A revision that cannot be read is a
   * problem of the signatures that end it.
   */
  private List<String> changesAfterSigning(
      byte[] pdf,
      PDDocument whole,
      List<SignedRange> ranges,
      Map<Integer, List<String>> revisionProblems,
      long deadline) {
    // revision end -> the number (1-based) of the latest signature ending there
    TreeMap<Long, Integer> ends = new TreeMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).end() > 0) {
        ends.put(ranges.get(i).end(), i + 1);
      }
    }
    Set<String> changes = new LinkedHashSet<>();
    Map<Long, PDDocument> revisions = new HashMap<>();
    revisions.put((long) pdf.length, whole);
    try {
      for (Map.Entry<Long, Integer> end : ends.entrySet()) {
        if (end.getKey() == pdf.length) {
          continue;
        }
        Long next = ends.higherKey(end.getKey());
        long laterEnd = next == null ? pdf.length : next;
        PDDocument earlier = revision(pdf, end.getKey(), revisions, deadline);
        PDDocument later = revision(pdf, laterEnd, revisions, deadline);
        if (earlier == null) {
          for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).end() == end.getKey()) {
              revisionProblems
                  .computeIfAbsent(i, k -> new ArrayList<>())
                  .add("the bytes it signs are not a readable PDF revision");
            }
          }
          continue;
        }
        if (later == null) {
          continue; // reported for the signature that ends the later revision
        }
        String when = "after signature " + end.getValue();
        try {
          changes.addAll(RevisionChanges.between(earlier, later, when, System::nanoTime, deadline));
        } catch (RevisionChanges.VerificationTimeout | ErrorResponseException e) {
          throw e;
        } catch (RuntimeException unforeseen) {
          // what cannot be compared cannot be shown to be unchanged
          log.warn("The revisions of an uploaded CTA could not be compared", unforeseen);
          changes.add("what changed " + when + " cannot be determined");
        }
      }
    } finally {
      revisions.forEach(
          (end, document) -> {
            if (document != whole && document != null) {
              try {
                document.close();
              } catch (IOException ignored) {
                // only memory buffers to release
              }
            }
          });
    }
    return List.copyOf(changes);
  }

  /** The document as it was up to {@code end}, read as safely as the upload; null if unreadable. */
  private static PDDocument revision(
      byte[] pdf, long end, Map<Long, PDDocument> revisions, long deadline) {
    if (revisions.containsKey(end)) {
      return revisions.get(end);
    }
    PDDocument document;
    try {
      document = SignedCtaInspector.open(Arrays.copyOf(pdf, (int) end), deadline).document();
    } catch (ErrorResponseException unreadable) {
      if (unreadable.getStatusCode().isSameCodeAs(HttpStatus.UNSUPPORTED_MEDIA_TYPE)) {
        document = null;
      } else {
        throw unreadable;
      }
    }
    revisions.put(end, document);
    return document;
  }

  /**
   * Whether the revision that follows the issued CTA (up to the first signature after it, or the
   * whole file) changes more than signatures and validation data: a copy whose content was edited
   * after issue, signed or not, is not the issued document even though it begins with its bytes.
   */
  private static boolean changedSinceIssued(
      byte[] pdf, PDDocument whole, long issuedEnd, List<SignedRange> ranges, long deadline) {
    long next =
        ranges.stream()
            .mapToLong(SignedRange::end)
            .filter(end -> end > issuedEnd)
            .min()
            .orElse(pdf.length);
    if (issuedEnd >= pdf.length) {
      return false;
    }
    Map<Long, PDDocument> revisions = new HashMap<>();
    revisions.put((long) pdf.length, whole);
    try {
      PDDocument issued = revision(pdf, issuedEnd, revisions, deadline);
      PDDocument later = revision(pdf, next, revisions, deadline);
      return issued == null
          || later == null
          || !RevisionChanges.between(
                  issued, later, "after the CTA was issued", System::nanoTime, deadline)
              .isEmpty();
    } catch (RevisionChanges.VerificationTimeout | ErrorResponseException e) {
      throw e;
    } catch (RuntimeException unforeseen) {
      log.warn("An uploaded CTA could not be compared with the issued one", unforeseen);
      return true;
    } finally {
      revisions.forEach(
          (end, document) -> {
            if (document != whole && document != null) {
              try {
                document.close();
              } catch (IOException ignored) {
                // a revision read from memory holds no other resource
              }
            }
          });
    }
  }

  /** Whether the identity line of {@code identity} can be read from one of the first pages. */
  private static boolean showsIdentity(
      PDDocument document, CtaPdf.Identity identity, long deadline) {
    String id = "CTA " + identity.offboardingId();
    String digest = "SHA-256 " + identity.contentSha256();
    int pages = Math.min(document.getNumberOfPages(), MAX_TEXT_PAGES);
    try {
      for (int page = 1; page <= pages; page++) {
        SignedCtaInspector.checkTime(deadline);
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(document).replaceAll("\\s+", " ");
        if (text.contains(id) && text.contains(digest)) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException unreadable) {
      if (unreadable instanceof ErrorResponseException timeout) {
        throw timeout;
      }
      return false;
    }
  }
}
