package com.ingrammicro.masterpayer.process.humantask;

import com.ingrammicro.masterpayer.process.EngineAuthentication;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The {@code assignment} listener of every user task: a task can be claimed, assigned or delegated
 * only to a member of its candidate group. The engine itself lets a candidate claim a task for
 * anyone, and the assignee then may work it: a reseller could be made the assignee of its own
 * review. Being a listener, the rule holds for engine-rest, Tasklist and Java alike; the exception
 * rolls the assignment back.
 *
 * <p>Whom a task may go to is judged by who asks: a staff member who takes a task for themselves is
 * judged by the groups of their own login (a single sign-on's groups come from the company's
 * identity provider, and the staff member need not exist in Camunda's identity store); a task given
 * to someone else goes only to a member that Camunda's identity store knows.
 */
@Component("assignmentRule")
public class AssignmentRule implements TaskListener {

  private final IdentityService identityService;

  public AssignmentRule(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return; // unclaimed: back to the group
    }
    List<String> groups =
        task.getCandidates().stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .filter(Objects::nonNull)
            .toList();
    if (groups.isEmpty() || !mayWork(assignee, groups)) {
      throw InvalidTaskOutcomeException.assignmentRefused(task.getName(), assignee, groups);
    }
  }

  private boolean mayWork(String assignee, List<String> groups) {
    Optional<EngineAuthentication.CurrentUser> caller =
        EngineAuthentication.current(identityService)
            .filter(current -> current.userId().equals(assignee));
    return caller.isPresent()
        ? caller.get().groupIds().stream().anyMatch(groups::contains)
        : isMemberOfAny(assignee, groups);
  }

  /**
   * Read as the caller: every group that works tasks may read its own group (granted in {@code
   * TasklistSetup}), administrators every group, and code without a caller is not checked.
   */
  private boolean isMemberOfAny(String userId, List<String> groups) {
    return identityService
        .createGroupQuery()
        .groupMember(userId)
        .groupIdIn(groups.toArray(String[]::new))
        .list()
        .stream()
        .map(Group::getId)
        .anyMatch(groups::contains);
  }
}
