package com.ingrammicro.masterpayer.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the container's error dispatch ({@code sendError} anywhere, an exception outside Spring MVC)
 * answers: a problem detail with the status the request failed with, instead of Spring Boot's
 * {@code /error} JSON. Requested directly, {@code /error} is a resource that does not exist (404);
 * Spring Boot's own controller answered that with a 500.
 */
@Controller
class ProblemErrorController implements ErrorController {

  private final ProblemResponses problems;

  ProblemErrorController(ProblemResponses problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || status.value() < 400) {
      problems.write(
          request,
          response,
          HttpStatus.NOT_FOUND,
          "There is nothing at " + request.getRequestURI() + ".");
      return;
    }
    problems.write(
        request,
        response,
        status,
        status.is5xxServerError()
            ? "The request failed on the server."
            : status.getReasonPhrase() + ".");
  }
}
