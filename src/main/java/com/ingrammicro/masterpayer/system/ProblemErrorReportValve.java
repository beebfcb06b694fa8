package com.ingrammicro.masterpayer.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for what it refuses before any filter or servlet runs (a {@code %00},
 * {@code %2F} or malformed {@code %FF} in the path, a header section over the limit): an RFC 9457
 * problem detail instead of Tomcat's HTML page. Nothing of the request is echoed: it is malformed,
 * and for a too-large header section it was never read.
 */
class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // as Tomcat's own valve: only errors, and only when nothing else wrote a body for this one
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
      // Tomcat answers a method it does not implement (CONNECT) with 501; for the client it is a
      // method this server does not allow, its mistake, not the server's failure
      status = HttpStatus.METHOD_NOT_ALLOWED.value();
      response.setStatus(status);
      response.setHeader("Allow", String.join(", ", EarlyFirewallFilter.ALLOWED_METHODS));
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known != null ? known.getReasonPhrase() : "Error";
    String detail =
        status == 400
            ? "The request is malformed: its path or headers cannot be read."
            : status >= 500 ? "The request failed on the server." : title + ".";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        // fixed texts only, so no JSON escaping is needed
        writer.write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is going away; there is no one left to answer
    }
  }
}
