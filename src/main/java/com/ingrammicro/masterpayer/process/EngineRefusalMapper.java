package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.process.humantask.InvalidTaskOutcomeException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.DeploymentResourceNotFoundException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Answers the engine's refusals of a request with 400, 404 or 409 instead of the 500 Camunda's REST
 * layers give most of them (a claimed task, a task that belongs to a process, an unknown id, a
 * Java-serialized variable, a request body without a required field): a refusal is the caller's to
 * fix, not a fault of the server. Not found is 404; a task already claimed or a concurrent change
 * (optimistic locking) is 409; anything else the engine will not do as asked is 400. The JSON keeps
 * Camunda's error shape ({@code type}, {@code message}, {@code code}) because Tasklist shows {@code
 * message} to the user; an invalid task outcome adds the broken rules as {@code problems}.
 * Authorization failures stay with Camunda's own mapper (403, with the missing permissions), and a
 * failure with an underlying cause that is none of these (a database error, a bug) stays a 500.
 *
 * <p>Registered on every Jersey application of the server by {@link EngineRestErrors}: Spring
 * Boot's engine-rest and the webapps' engine API are separate applications with the same mappers.
 */
abstract class EngineRefusalMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  /**
   * How engine-rest words a missing entity when it rethrows the engine's exception without it as
   * the cause.
   */
  private static final Pattern NOT_FOUND =
      Pattern.compile("(?i)\\bno \\w+ found\\b|\\bcannot find\\b|\\bdoes not exist\\b");

  record Refusal(Response.Status status, Throwable cause) {}

  @Override
  public boolean isMappable(E exception) {
    return refusal(exception).isPresent();
  }

  @Override
  public Response toResponse(E exception) {
    Refusal refusal = refusal(exception).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", refusal.cause().getClass().getSimpleName());
    body.put("message", refusal.cause().getMessage());
    if (refusal.cause() instanceof ProcessEngineException engineException) {
      body.put("code", engineException.getCode());
    }
    if (refusal.cause() instanceof InvalidTaskOutcomeException invalid) {
      body.put("problems", invalid.problems());
    }
    return Response.status(refusal.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  /**
   * What the request did wrong, read from the outermost cause that says so; empty when it is not a
   * refusal.
   */
  static Optional<Refusal> refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException) {
        return Optional.empty();
      }
      Response.Status status = status(cause);
      if (status != null) {
        return Optional.of(new Refusal(status, cause));
      }
    }
    return Optional.empty();
  }

  private static Response.Status status(Throwable cause) {
    if (cause instanceof NotFoundException
        || cause instanceof DeploymentResourceNotFoundException
        || cause instanceof NullValueException
            && String.valueOf(cause.getMessage()).startsWith("Cannot find")) {
      return Response.Status.NOT_FOUND;
    }
    if (cause instanceof TaskAlreadyClaimedException
        || cause instanceof OptimisticLockingException) {
      return Response.Status.CONFLICT;
    }
    if (cause instanceof BadUserRequestException || cause instanceof NullValueException) {
      return Response.Status.BAD_REQUEST;
    }
    // The engine raises a bare ProcessEngineException, with no cause, when it will not do what was
    // asked
    // ("the task cannot be deleted because is part of a running process", "Java serialization
    // format is
    // prohibited", "no subscriptions were found"); one with a cause (a database error) is a real
    // failure.
    if (cause.getClass() == ProcessEngineException.class && cause.getCause() == null) {
      return Response.Status.BAD_REQUEST;
    }
    // engine-rest rethrows some refusals as a 500 RestException with the engine's message only
    if (cause instanceof RestException
        && cause.getCause() == null
        && cause.getMessage() != null
        && NOT_FOUND.matcher(cause.getMessage()).find()) {
      return Response.Status.NOT_FOUND;
    }
    return null;
  }

  /**
   * Engine-rest wraps the engine's exception of most operations (complete, variables) in a
   * RestException.
   */
  @Priority(1)
  static class OnRestException extends EngineRefusalMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      // a RestException that already carries a 4xx (Camunda's own 404 for an unknown task) is right
      // as it is
      return exception.getStatus() != null
          && exception.getStatus().getFamily() == Response.Status.Family.SERVER_ERROR
          && super.isMappable(exception);
    }
  }

  /** Operations such as claim, delete and task updates throw the engine's exception as it is. */
  @Priority(1)
  static class OnEngineException extends EngineRefusalMapper<ProcessEngineException> {}

  /**
   * Engine-rest's request objects unbox fields the caller left out ({@code POST
   * /authorization/create} without a {@code type}): a NullPointerException thrown there is a
   * missing field, so 400. One thrown anywhere else is a bug, and stays a 500.
   */
  @Priority(1)
  static class OnMissingField implements ExtendedExceptionMapper<NullPointerException> {

    private static final String REQUEST_OBJECTS = "org.camunda.bpm.engine.rest.dto.";

    @Override
    public boolean isMappable(NullPointerException exception) {
      StackTraceElement[] frames = exception.getStackTrace();
      return frames.length > 0 && frames[0].getClassName().startsWith(REQUEST_OBJECTS);
    }

    @Override
    public Response toResponse(NullPointerException exception) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "The request body lacks a required field.");
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(body)
          .build();
    }
  }
}
