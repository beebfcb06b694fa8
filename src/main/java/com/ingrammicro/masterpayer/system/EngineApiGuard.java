package com.ingrammicro.masterpayer.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Applies {@link EngineApiPolicy} and the tasks' outcome ({@link TaskCompletionCheck}) to every
 * call of the engine's REST API, through both of its doors: engine-rest (HTTP Basic) and the
 * webapps' engine API that Tasklist and Cockpit call with their session. Both serve the same
 * resources, so one rule set guards both; the engine then applies its authorizations as usual.
 * Refusals keep Camunda's error shape ({@code type}, {@code message}), which Tasklist shows to the
 * user.
 */
final class EngineApiGuard extends OncePerRequestFilter {

  private static final Pattern OWN_PASSWORD = Pattern.compile("^/user/[^/]+/credentials/?$");

  /** Which door a request came through: where its engine path starts and who its caller is. */
  enum Door {
    /**
     * {@code /engine-rest/...} or {@code /engine-rest/engine/{name}/...}; the caller is the HTTP
     * Basic user.
     */
    ENGINE_REST(Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$")),
    /**
     * {@code /camunda/api/engine/engine/{name}/...}; the caller is the staff member signed in by
     * single sign-on.
     */
    WEBAPP(Pattern.compile("^/camunda/api/engine/engine/[^/]+(/.*)?$"));

    private final Pattern enginePath;

    Door(Pattern enginePath) {
      this.enginePath = enginePath;
    }
  }

  /** A completion's body is a handful of outcome variables; anything much larger is not one. */
  static final int MAX_COMPLETION_BODY = 256 * 1024;

  private final Door door;
  private final TaskCompletionCheck completions;
  private final IdentityService identityService;
  private final ObjectMapper json;
  private final UrlPathHelper paths = new UrlPathHelper();

  EngineApiGuard(
      Door door,
      TaskCompletionCheck completions,
      IdentityService identityService,
      ObjectMapper json) {
    this.door = door;
    this.completions = completions;
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher engineCall = door.enginePath.matcher(paths.getPathWithinApplication(request));
    Optional<AppUser> caller = caller();
    if (!engineCall.matches() || caller.isEmpty()) {
      // not an engine resource, or nobody logged in: the engine's REST layer answers as it does
      chain.doFilter(request, response);
      return;
    }
    String enginePath = engineCall.group(1) == null ? "/" : engineCall.group(1);
    if (door == Door.WEBAPP
        && !caller.get().has(Role.ADMIN)
        && OWN_PASSWORD.matcher(enginePath).matches()) {
      // a single sign-on proves no password of the identity store: the store's user of the same
      // id, if there is one, is a script's account, whose password only its owner (over
      // engine-rest, with that password) or an administrator changes
      writeCamundaError(
          json,
          response,
          HttpStatus.FORBIDDEN,
          "AuthorizationException",
          "Staff sign in by single sign-on; a password of the identity store is changed over"
              + " engine-rest with that password, or by an administrator.",
          List.of());
      return;
    }
    EngineApiPolicy.Decision decision =
        EngineApiPolicy.decide(caller.get(), request.getMethod(), enginePath);
    if (decision.refused()) {
      writeCamundaError(
          json,
          response,
          HttpStatus.FORBIDDEN,
          "AuthorizationException",
          decision.reason(),
          List.of());
      return;
    }
    if (decision.verdict() != EngineApiPolicy.Verdict.TASK_COMPLETION) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_COMPLETION_BODY + 1);
    if (body.length > MAX_COMPLETION_BODY) {
      writeCamundaError(
          json,
          response,
          HttpStatus.PAYLOAD_TOO_LARGE,
          "InvalidRequestException",
          "A task completion carries the task's outcome only; this body is over "
              + MAX_COMPLETION_BODY
              + " bytes.",
          List.of());
      return;
    }
    Optional<TaskCompletionCheck.Refusal> refusal = check(caller.get(), decision.taskId(), body);
    if (refusal.isPresent()) {
      writeCamundaError(
          json,
          response,
          HttpStatus.BAD_REQUEST,
          "InvalidTaskOutcomeException",
          refusal.get().message(),
          refusal.get().problems());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /**
   * The caller as its door signs it in: the webapps' staff member by single sign-on, with the
   * groups of that login; engine-rest's HTTP Basic user.
   */
  private Optional<AppUser> caller() {
    if (door == Door.WEBAPP) {
      return StaffUser.current();
    }
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AppUser user
        ? Optional.of(user)
        : Optional.empty();
  }

  private Optional<TaskCompletionCheck.Refusal> check(AppUser caller, String taskId, byte[] body) {
    JsonNode variables;
    try {
      variables = body.length == 0 ? null : json.readTree(body).get("variables");
    } catch (IOException unreadable) {
      return Optional.empty(); // engine-rest refuses a body that is not JSON with its own 400
    }
    // The task is looked up as the caller, so a task the caller cannot see stays the engine's
    // 404/403.
    boolean asCaller = identityService.getCurrentAuthentication() == null;
    if (asCaller) {
      identityService.setAuthentication(caller.userId(), caller.groupIds(), caller.tenantIds());
    }
    try {
      return completions.check(taskId, variables);
    } finally {
      if (asCaller) {
        identityService.clearAuthentication();
      }
    }
  }

  /**
   * An error in the shape of Camunda's REST API ({@code type}, {@code message}), which Tasklist
   * shows.
   */
  static void writeCamundaError(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String message,
      List<String> problems)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (!problems.isEmpty()) {
      body.put("problems", problems);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
