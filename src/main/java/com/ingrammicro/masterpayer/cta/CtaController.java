package com.ingrammicro.masterpayer.cta;

import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CTA to sign, and the signed copy the reseller returns. */
@RestController
@RequestMapping("/api/offboardings/{id}/cta")
class CtaController {

  private final CtaService ctas;

  CtaController(CtaService ctas) {
    this.ctas = ctas;
  }

  @GetMapping(produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "The Consent to Assignment to sign (PDF)",
      description = "409 until the request is approved.")
  ResponseEntity<byte[]> issued(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    return pdf(ctas.read(user, id, DocumentKind.CTA_ISSUED));
  }

  @GetMapping(path = "/signed", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "The latest signed copy of the CTA (PDF)")
  ResponseEntity<byte[]> signed(@AuthenticationPrincipal AppUser user, @PathVariable UUID id) {
    return pdf(ctas.read(user, id, DocumentKind.CTA_SIGNED));
  }

  @PutMapping(path = "/signed", consumes = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "Upload the signed CTA (one PDF, size-capped)",
      description =
          "202 with the signature report when the journey takes it; 409 when no signature is awaited; "
              + "415 when the body is not a readable PDF; 413 when it is too large; 422 when it carries "
              + "JavaScript, launch actions or embedded files, or is built to exhaust its reader (page-tree "
              + "loops, deep nesting, decompression bombs) (unsafe-pdf), when a signature is not valid "
              + "(invalid-signature), when it was changed after a signature (changed-after-signing), or when "
              + "it has fewer valid signatures than the policy asks (too-few-signatures); the 422 of a "
              + "signature carries the report as signatureReport.")
  ResponseEntity<SignedCta> uploadSigned(
      @AuthenticationPrincipal AppUser user, @PathVariable UUID id, HttpServletRequest request)
      throws IOException {
    long max = ctas.maxSignedSize();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    ctas.requireAwaitingSignature(user, id);
    byte[] pdf = readAtMost(request.getInputStream(), max);
    if (pdf.length == 0) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST, "empty-upload", "Empty upload", "The request body is empty.");
    }
    SignedCta signed = ctas.acceptSigned(user, id, pdf);
    return ResponseEntity.accepted()
        .location(URI.create("/api/offboardings/" + id + "/cta/signed"))
        .body(signed);
  }

  private static byte[] readAtMost(InputStream in, long max) throws IOException {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (content.length > max) {
      throw tooLarge(max);
    }
    return content;
  }

  private static RuntimeException tooLarge(long max) {
    return Problems.problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "upload-too-large",
        "Upload too large",
        "The signed CTA may be at most " + max + " bytes.");
  }

  private static ResponseEntity<byte[]> pdf(CtaService.DocumentContent found) {
    Document document = found.document();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(
        ContentDisposition.inline().filename(document.fileName()).build());
    headers.setETag("\"" + document.sha256() + "\"");
    // RFC 9530: lets the reader verify the bytes against the digest recorded for audit.
    headers.set(
        "Repr-Digest",
        "sha-256=:"
            + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256()))
            + ":");
    return ResponseEntity.ok().headers(headers).body(found.content());
  }
}
