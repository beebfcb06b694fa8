package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.audit.Trail.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * One activity instance of the journey and, for a human task, the task, its identity-link log (in
 * time order) and who could, did claim and did complete it.
 */
record JourneyStep(
    HistoricActivityInstance activity,
    HistoricTaskInstance task,
    List<HistoricIdentityLinkLog> links,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String claimedBy,
    String completedBy) {

  private static final String USER_TASK = "userTask";

  /** The delete reason of a task instance that was completed, not cancelled. */
  private static final String COMPLETED = "completed";

  static JourneyStep of(
      HistoricActivityInstance activity,
      HistoricTaskInstance task,
      List<HistoricIdentityLinkLog> links,
      UserOperations operations) {
    if (task == null) {
      return new JourneyStep(activity, null, List.of(), null, null, null, null);
    }
    List<String> groups = new ArrayList<>();
    List<String> users = new ArrayList<>();
    String claimedBy = null;
    for (HistoricIdentityLinkLog link : links) {
      if (!added(link)) {
        continue;
      }
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        (link.getGroupId() != null ? groups : users)
            .add(link.getGroupId() != null ? link.getGroupId() : link.getUserId());
      } else if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
        claimedBy = link.getUserId();
      }
    }
    String completedBy =
        operations
            .completedBy(task.getId())
            .orElse(COMPLETED.equals(task.getDeleteReason()) ? task.getAssignee() : null);
    return new JourneyStep(activity, task, links, groups, users, claimedBy, completedBy);
  }

  static boolean added(HistoricIdentityLinkLog link) {
    return "add".equalsIgnoreCase(link.getOperationType());
  }

  boolean isUserTask() {
    return USER_TASK.equals(activity.getActivityType());
  }

  /** A task that was completed, not cancelled with its step. */
  boolean taskCompleted() {
    return task != null && task.getEndTime() != null && COMPLETED.equals(task.getDeleteReason());
  }

  /**
   * The step as the trail shows it; {@code outcome} null when the task set nothing (or it is not
   * read).
   */
  Step toStep(Map<String, Object> outcome) {
    return new Step(
        activity.getActivityId(),
        activity.getActivityName(),
        activity.getActivityType(),
        Timeline.utc(activity.getStartTime()),
        Timeline.utc(activity.getEndTime()),
        activity.getDurationInMillis(),
        activity.isCanceled(),
        activity.getTaskId(),
        candidateGroups,
        candidateUsers,
        claimedBy,
        completedBy,
        outcome == null || outcome.isEmpty() ? null : outcome);
  }
}
