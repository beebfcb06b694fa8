package com.ingrammicro.masterpayer.audit;

import static com.ingrammicro.masterpayer.audit.Timeline.details;
import static com.ingrammicro.masterpayer.audit.Timeline.utc;

import com.ingrammicro.masterpayer.audit.Timeline.Phase;
import com.ingrammicro.masterpayer.audit.Trail.EntryType;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The steps of the journey: each step entered and left, and for a human task its creation, every
 * change of its candidates and assignee, its completion and the decision it recorded.
 */
@Component
class StepSource implements TrailSource {

  @Override
  public void addTo(Timeline timeline, TrailSubject subject) {
    for (JourneyStep step : subject.history().steps()) {
      HistoricActivityInstance activity = step.activity();
      String id = activity.getActivityId();
      String name = activity.getActivityName();
      HistoricTaskInstance task = step.task();
      if (task != null) {
        taskCreatedAndWorkedOn(timeline, step);
      }
      timeline.add(
          utc(activity.getStartTime()),
          Phase.STEP,
          EntryType.STEP_ENTERED,
          id,
          name,
          null,
          "Entered " + describe(activity),
          details("activityType", activity.getActivityType()));
      if (activity.getEndTime() != null) {
        String how = activity.isCanceled() ? "Cancelled " : "Left ";
        timeline.add(
            utc(activity.getEndTime()),
            Phase.STEP,
            EntryType.STEP_LEFT,
            id,
            name,
            step.isUserTask() ? step.completedBy() : null,
            how + describe(activity),
            details(
                "activityType",
                activity.getActivityType(),
                "durationMillis",
                activity.getDurationInMillis(),
                "canceled",
                activity.isCanceled()));
      }
      if (step.taskCompleted()) {
        Map<String, Object> outcome = subject.history().outcome(task);
        String completedBy = step.completedBy();
        timeline.add(
            utc(task.getEndTime()),
            Phase.TASK,
            EntryType.TASK_COMPLETED,
            id,
            name,
            completedBy,
            (completedBy == null ? "" : completedBy + " ") + "completed '" + task.getName() + "'",
            details("taskId", task.getId(), "outcome", outcome));
        if (!outcome.isEmpty()) {
          timeline.add(
              utc(task.getEndTime()),
              Phase.TASK,
              EntryType.DECISION,
              id,
              name,
              completedBy,
              decision(task.getName(), outcome),
              details("outcome", outcome, "reason", reason(outcome)));
        }
      }
    }
  }

  /**
   * The task's creation, then each identity-link change (candidates, claims and assignments) in
   * time order.
   */
  private static void taskCreatedAndWorkedOn(Timeline timeline, JourneyStep step) {
    HistoricTaskInstance task = step.task();
    String activityId = step.activity().getActivityId();
    String activityName = step.activity().getActivityName();
    timeline.add(
        utc(task.getStartTime()),
        Phase.TASK,
        EntryType.TASK_CREATED,
        activityId,
        activityName,
        null,
        "Task '" + task.getName() + "' created",
        details("taskId", task.getId(), "dueDate", utc(task.getDueDate())));
    for (HistoricIdentityLinkLog link : step.links()) {
      boolean added = JourneyStep.added(link);
      String who =
          link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId();
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        timeline.add(
            utc(link.getTime()),
            Phase.TASK,
            EntryType.TASK_CANDIDATE,
            activityId,
            activityName,
            link.getAssignerId(),
            (added ? "Candidate " : "No longer candidate: ") + who,
            details(
                "taskId",
                task.getId(),
                "groupId",
                link.getGroupId(),
                "userId",
                link.getUserId(),
                "operation",
                link.getOperationType()));
      } else if (IdentityLinkType.ASSIGNEE.equals(link.getType())) {
        String actor = link.getAssignerId() != null ? link.getAssignerId() : link.getUserId();
        timeline.add(
            utc(link.getTime()),
            Phase.TASK,
            EntryType.TASK_ASSIGNEE,
            activityId,
            activityName,
            actor,
            added
                ? (link.getUserId().equals(actor)
                    ? link.getUserId() + " claimed '" + task.getName() + "'"
                    : actor + " assigned '" + task.getName() + "' to " + link.getUserId())
                : link.getUserId() + " no longer assigned to '" + task.getName() + "'",
            details(
                "taskId",
                task.getId(),
                "userId",
                link.getUserId(),
                "operation",
                link.getOperationType()));
      }
    }
  }

  private static String describe(HistoricActivityInstance activity) {
    return activity.getActivityName() != null
        ? "'" + activity.getActivityName() + "'"
        : activity.getActivityId();
  }

  private static String decision(String taskName, Map<String, Object> outcome) {
    return taskName
        + ": "
        + outcome.entrySet().stream()
            .map(e -> e.getKey() + " = " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  /** The reason that goes with a decision: a variable named {@code *Reason}, or notes. */
  private static Object reason(Map<String, Object> outcome) {
    return outcome.entrySet().stream()
        .filter(e -> e.getKey().endsWith("Reason") || e.getKey().equals("notes"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
