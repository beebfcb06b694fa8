package com.ingrammicro.masterpayer.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.process.humantask.InvalidTaskOutcomeException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/**
 * Which of the engine's exceptions are the caller's refusals, and with which status; the rest stay
 * Camunda's.
 */
class EngineRefusalMapperTest {

  @Test
  void notFoundIs404ConflictsAre409AndOtherRefusalsAre400() {
    assertThat(status(new NotFoundException("No deployment found"))).isEqualTo(404);
    assertThat(status(new NullValueException("Cannot find task with id x: task is null")))
        .isEqualTo(404);
    assertThat(status(new TaskAlreadyClaimedException("t", "sales"))).isEqualTo(409);
    assertThat(status(new OptimisticLockingException("changed concurrently"))).isEqualTo(409);
    assertThat(status(new NotValidException("Element 'Nope' does not exist"))).isEqualTo(400);
    assertThat(status(new BadUserRequestException("bad"))).isEqualTo(400);
    assertThat(
            status(
                new ProcessEngineException(
                    "The task cannot be deleted because is part of a running process")))
        .isEqualTo(400);
  }

  @Test
  void aRefusalWrappedInEngineRestsServerErrorIsFoundInTheCauseChain() {
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new ProcessEngineException(
                "ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"),
            "Cannot put process instance variable x");
    RestException withoutCause =
        new InvalidRequestException(
            Response.Status.INTERNAL_SERVER_ERROR, "ENGINE-13053 No job found with id 'x'.");

    assertThat(new EngineRefusalMapper.OnRestException().isMappable(wrapped)).isTrue();
    assertThat(status(wrapped)).isEqualTo(400);
    assertThat(status(withoutCause)).isEqualTo(404);
  }

  @Test
  void anInvalidOutcomeKeepsItsProblemsInCamundasErrorShape() {
    InvalidTaskOutcomeException invalid =
        new InvalidTaskOutcomeException("Review", List.of("'approved' must be true or false"));

    Response response = new EngineRefusalMapper.OnEngineException().toResponse(invalid);

    assertThat(response.getStatus()).isEqualTo(400);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.getEntity();
    assertThat(body)
        .containsEntry("type", "InvalidTaskOutcomeException")
        .containsEntry("problems", List.of("'approved' must be true or false"));
    assertThat((String) body.get("message")).contains("'approved' must be true or false");
  }

  @Test
  void authorizationFailuresRealFailuresAndEngineRests4xxAreLeftToCamunda() {
    assertThat(EngineRefusalMapper.refusal(new AuthorizationException("no READ on Task")))
        .isEmpty();
    assertThat(
            EngineRefusalMapper.refusal(
                new ProcessEngineException("flush failed", new SQLException("disk full"))))
        .as("a failure with a cause is the server's")
        .isEmpty();
    assertThat(EngineRefusalMapper.refusal(new IllegalStateException("bug"))).isEmpty();
    assertThat(
            new EngineRefusalMapper.OnRestException()
                .isMappable(
                    new InvalidRequestException(
                        Response.Status.NOT_FOUND, "No matching task with id x")))
        .isFalse();
  }

  private static int status(Throwable exception) {
    return EngineRefusalMapper.refusal(exception).orElseThrow().status().getStatusCode();
  }
}
