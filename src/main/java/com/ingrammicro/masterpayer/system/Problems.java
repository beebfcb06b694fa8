package com.ingrammicro.masterpayer.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Business errors as RFC 9457 problem details with a stable type URI per kind of problem. */
public final class Problems {

  private static final String TYPE_PREFIX = "urn:ingrammicro:offboarding:problem:";

  private Problems() {}

  public static ErrorResponseException problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(TYPE_PREFIX + slug));
    body.setTitle(title);
    return new ErrorResponseException(status, body, null);
  }
}
