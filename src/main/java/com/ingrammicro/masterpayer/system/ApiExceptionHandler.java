package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the application's API is an RFC 9457 problem detail with a message a client can
 * act on; field errors are listed under {@code errors}. Unexpected failures get an error id that
 * the log also carries, never a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new FieldProblem(
                        error.getField(),
                        error.isBindingFailure()
                            // A query parameter of the wrong type: say so, not the converter's
                            // stack of class names.
                            ? "'" + error.getRejectedValue() + "' is not a valid value"
                            : error.getDefaultMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    return validationProblem(errors, ex, headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    error instanceof FieldError fieldError
                                        ? fieldError.getField()
                                        : result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return validationProblem(errors, ex, headers, request);
  }

  private ResponseEntity<Object> validationProblem(
      List<FieldProblem> errors, Exception ex, HttpHeaders headers, WebRequest request) {
    String detail =
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request is invalid: " + detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableBodyDetail(ex));
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String unreadableBodyDetail(HttpMessageNotReadableException ex) {
    if (ex.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
      String field = path(invalid);
      Class<?> target = invalid.getTargetType();
      if (target != null && target.isEnum()) {
        return "%s: '%s' is not one of %s"
            .formatted(field, invalid.getValue(), Arrays.toString(target.getEnumConstants()));
      }
      return "%s: '%s' is not a valid value".formatted(field, invalid.getValue());
    }
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return path(mapping) + ": has the wrong type";
    }
    return "The request body is missing or is not well-formed JSON.";
  }

  private static String path(JsonMappingException ex) {
    return ex.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
    Class<?> type = ex.getRequiredType();
    String expected =
        type == null
            ? "a valid value"
            : type == UUID.class
                ? "a UUID"
                : type.isEnum()
                    ? "one of " + Arrays.toString(type.getEnumConstants())
                    : "a " + type.getSimpleName();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "%s: '%s' is not %s".formatted(name, ex.getValue(), expected));
    problem.setTitle("Invalid request");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * A blank path segment ({@code /api/offboardings/%20}) converts to no id at all: the caller's
   * mistake.
   */
  @Override
  protected ResponseEntity<Object> handleMissingPathVariable(
      MissingPathVariableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, ex.getVariableName() + ": a value is required in the path");
    problem.setTitle("Invalid request");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "There is no "
                + ex.getHttpMethod()
                + " /"
                + ex.getResourcePath()
                + " in this API; see /v3/api-docs.");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
    String errorId = UUID.randomUUID().toString();
    log.error("Unexpected error {} while handling {}", errorId, request.getDescription(false), ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "An unexpected error occurred; quote error id " + errorId + " when you report it.");
    problem.setProperties(Map.of("errorId", errorId));
    return handleExceptionInternal(
        ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }
}
