package com.ingrammicro.masterpayer.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes engine-rest (and so Tasklist) answer an invalid task completion or change with 400 and the
 * rule that was broken, instead of the 500 it gives any exception of a task listener. The JSON keeps
 * Camunda's error shape ({@code type}, {@code message}) so Tasklist shows the message to the user.
 * Completions reach Jersey wrapped in a {@link RestException}, task updates (a new due date) as the
 * engine's {@link ProcessEngineException}: one mapper for each, so each outranks Camunda's own.
 */
abstract class TaskOutcomeExceptionMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  @Override
  public boolean isMappable(E exception) {
    return invalidOutcome(exception) != null;
  }

  @Override
  public Response toResponse(E exception) {
    InvalidTaskOutcomeException invalid = invalidOutcome(exception);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", InvalidTaskOutcomeException.class.getSimpleName());
    body.put("message", invalid.getMessage());
    body.put("problems", invalid.problems());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private static InvalidTaskOutcomeException invalidOutcome(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidTaskOutcomeException invalid) {
        return invalid;
      }
    }
    return null;
  }

  @Priority(1)
  static class OnCompletion extends TaskOutcomeExceptionMapper<RestException> {}

  @Priority(1)
  static class OnUpdate extends TaskOutcomeExceptionMapper<ProcessEngineException> {}

  @Component
  static class Registration implements ResourceConfigCustomizer {
    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
      config.register(OnCompletion.class);
      config.register(OnUpdate.class);
    }
  }
}
