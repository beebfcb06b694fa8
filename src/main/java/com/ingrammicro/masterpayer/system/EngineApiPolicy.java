package com.ingrammicro.masterpayer.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which engine operations staff may call through engine-rest and the webapps' engine API, on top of
 * the engine's authorizations. Engine authorizations say which tasks and instances a user may
 * touch; they do not know the journey's rules: a candidate may also set any variable of a task it
 * can work, throw a BPMN error from it, add candidates or comments, and any authenticated user may
 * throw a signal. So every change is refused unless it is one of the few that Tasklist's work
 * needs:
 *
 * <ul>
 *   <li>reads, and the queries that engine-rest takes as POST (they change nothing);
 *   <li>for the task workers (IaaS sales, finance): claim, unclaim, assign, and complete a task,
 *       whose variables are then checked against the task's outcome;
 *   <li>for everyone: their own profile and password;
 *   <li>everything else for administrators only; auditors change nothing.
 * </ul>
 *
 * Comments and attachments are off for everyone: the outcome's own text fields (reasons, notes) are
 * what the journey records, validates and shows to auditors; free text beside them would not be.
 */
final class EngineApiPolicy {

  enum Verdict {
    ALLOWED,
    /** Allowed once the submitted variables are the task's outcome. */
    TASK_COMPLETION,
    ADMIN_ONLY,
    READ_ONLY,
    TURNED_OFF
  }

  /** The verdict on one request; {@code taskId} is set for a task completion. */
  record Decision(Verdict verdict, String taskId) {

    boolean refused() {
      return verdict == Verdict.ADMIN_ONLY
          || verdict == Verdict.READ_ONLY
          || verdict == Verdict.TURNED_OFF;
    }

    /** Why a refused request is refused, for the person who sent it. */
    String reason() {
      return switch (verdict) {
        case ADMIN_ONLY ->
            "Only administrators may do this; Tasklist's work needs only claiming, assigning and "
                + "completing tasks.";
        case READ_ONLY -> "Auditors read; they change nothing.";
        case TURNED_OFF ->
            "Comments and attachments are turned off: record what matters in the task's outcome "
                + "(the reason or notes fields), which the audit trail keeps.";
        case ALLOWED, TASK_COMPLETION -> null;
      };
    }
  }

  private static final Pattern COMMENTS_AND_ATTACHMENTS =
      Pattern.compile("^/(task|process-instance)/[^/]+/(comment|attachment)(/.*)?$");
  private static final Pattern TASK_COMPLETION =
      Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern TASK_ASSIGNMENT =
      Pattern.compile("^/task/[^/]+/(claim|unclaim|assignee)$");
  private static final Pattern OWN_ACCOUNT =
      Pattern.compile("^/user/([^/]+)/(profile|credentials)$");

  /** The engine-rest resources whose POST is a query (with a JSON query body) or its count. */
  private static final Pattern QUERIES =
      Pattern.compile(
          "^/("
              + "task|process-instance|execution|variable-instance|job|job-definition|external-task|group"
              + "|history/(activity-instance|detail|external-task-log|job-log|process-instance|task|variable-instance)"
              + ")(/count)?$|^/filter/[^/]+/(list|count|singleResult)$|^/identity/password-policy$");

  private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

  private EngineApiPolicy() {}

  /**
   * @param enginePath the path below the engine's REST root, e.g. {@code /task/42/complete} (the
   *     {@code /engine-rest} or {@code /camunda/api/engine/engine/default} prefix removed)
   */
  static Decision decide(AppUser user, String method, String enginePath) {
    String path =
        enginePath.length() > 1 && enginePath.endsWith("/")
            ? enginePath.substring(0, enginePath.length() - 1)
            : enginePath;
    boolean read = READS.contains(method);
    if (COMMENTS_AND_ATTACHMENTS.matcher(path).matches()) {
      // off; what an older installation may hold is the administrators' to read
      return decision(read && user.has(Role.ADMIN) ? Verdict.ALLOWED : Verdict.TURNED_OFF);
    }
    Matcher completion = TASK_COMPLETION.matcher(path);
    if ("POST".equals(method) && completion.matches()) {
      return worksTasks(user)
          ? new Decision(Verdict.TASK_COMPLETION, completion.group(1))
          : refusal(user);
    }
    if (user.has(Role.ADMIN)
        || read
        || ("POST".equals(method) && QUERIES.matcher(path).matches())) {
      return decision(Verdict.ALLOWED);
    }
    if ("POST".equals(method) && TASK_ASSIGNMENT.matcher(path).matches() && worksTasks(user)) {
      return decision(Verdict.ALLOWED);
    }
    Matcher ownAccount = OWN_ACCOUNT.matcher(path);
    if ("PUT".equals(method) && ownAccount.matches() && ownAccount.group(1).equals(user.userId())) {
      return decision(Verdict.ALLOWED);
    }
    return refusal(user);
  }

  private static boolean worksTasks(AppUser user) {
    return user.has(Role.IAAS_SALES) || user.has(Role.FINANCE) || user.has(Role.ADMIN);
  }

  private static Decision refusal(AppUser user) {
    return decision(
        user.has(Role.AUDITOR) && !worksTasks(user) ? Verdict.READ_ONLY : Verdict.ADMIN_ONLY);
  }

  private static Decision decision(Verdict verdict) {
    return new Decision(verdict, null);
  }
}
