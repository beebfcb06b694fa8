package com.ingrammicro.masterpayer.cta.esignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ingrammicro.masterpayer.system.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DocuSign Connect's door: no user signs in here, DocuSign does, by the HMAC of the raw body with a
 * secret only DocuSign and this installation know ({@code SecurityConfiguration} lets the request
 * through without a user; docs/esignature.md). The body is read here, raw and size-capped, before
 * anything parses it: the HMAC is over its exact bytes, and no filter in front of this path reads
 * or rewrites a JSON body.
 */
@RestController
class DocuSignConnectController {

  private final DocuSignConnect connect;
  private final ObjectMapper json;

  DocuSignConnectController(DocuSignConnect connect, ObjectMapper json) {
    this.connect = connect;
    this.json = json;
  }

  @PostMapping(
      path = "/api/esignature/docusign/connect",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "DocuSign Connect notification (JSON SIM), authenticated by its HMAC",
      description =
          "200 when taken, also for an envelope or account that is not this installation's and for "
              + "a repeated notification (DocuSign retries anything else); 401 when no "
              + "X-DocuSign-Signature-N header matches a configured key; 404 when the installation "
              + "does not sign through DocuSign; 413 when too large; 400 when not a notification.")
  DocuSignConnect.Handled notification(HttpServletRequest request) throws IOException {
    if (!connect.enabled()) {
      throw Problems.problem(
          HttpStatus.NOT_FOUND,
          "esignature-not-configured",
          "E-signature not configured",
          "This installation does not sign CTAs through DocuSign.");
    }
    long max = connect.maxNotificationSize();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (body.length > max) {
      throw tooLarge(max);
    }
    if (!connect.signatures().genuine(body, ConnectSignatures.of(request))) {
      throw Problems.problem(
          HttpStatus.UNAUTHORIZED,
          "connect-signature-invalid",
          "Notification not authenticated",
          "No X-DocuSign-Signature header is the HMAC-SHA256 of the body with a configured key.");
    }
    JsonNode notification;
    try {
      notification = json.readTree(body);
    } catch (IOException notJson) {
      notification = null;
    }
    String event = text(notification, "event");
    String accountId = notification == null ? null : text(notification.path("data"), "accountId");
    String envelopeId = notification == null ? null : text(notification.path("data"), "envelopeId");
    if (event == null || accountId == null || envelopeId == null) {
      throw Problems.problem(
          HttpStatus.BAD_REQUEST,
          "connect-notification-invalid",
          "Not a Connect notification",
          "Expected DocuSign Connect's JSON SIM format: event, data.accountId and data.envelopeId.");
    }
    return connect.handle(event, accountId, envelopeId);
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.path(field).isTextual() || node.path(field).asText().isBlank()) {
      return null;
    }
    return node.path(field).asText();
  }

  private static RuntimeException tooLarge(long max) {
    return Problems.problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "notification-too-large",
        "Notification too large",
        "A Connect notification may be at most "
            + max
            + " bytes; configure Connect not to include documents.");
  }
}
