package com.ingrammicro.masterpayer.process.tasklist;

import com.ingrammicro.masterpayer.process.OffboardingProcess;
import com.ingrammicro.masterpayer.system.EngineSetup;
import com.ingrammicro.masterpayer.system.Grants;
import com.ingrammicro.masterpayer.system.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the people who work the journey need in Tasklist, in every profile: read access to the
 * process (its diagram, instances and history in the task view) and shared task filters: each group
 * sees its own open tasks and its overdue ones (the queries take the user's groups when they run),
 * and each user the tasks they claimed. Working a task comes only from its candidate group, which
 * the engine turns into a task authorization.
 */
@Component
@Order(30)
class TasklistSetup implements EngineSetup {

  static final String GROUP_TASKS_FILTER = "My group's open tasks";
  static final String OVERDUE_FILTER = "Overdue";
  static final String MY_TASKS_FILTER = "My tasks";

  private static final List<Role> TASK_WORKERS = List.of(Role.IAAS_SALES, Role.FINANCE);

  @Override
  public void setUp(ProcessEngine engine) {
    Grants grants = new Grants(engine.getAuthorizationService());
    // Staff read every offboarding (as in the API); READ_INSTANCE lets Tasklist show the payer
    // and reseller of each task in the task list.
    for (Role role : TASK_WORKERS) {
      grants.grant(
          role,
          Resources.PROCESS_DEFINITION,
          OffboardingProcess.KEY,
          ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
      // who else is in the group: a task goes only to a member of its candidate group
      // (AssignmentRule)
      grants.grant(role, Resources.GROUP, role.groupId(), Permissions.READ);
    }

    TaskService tasks = engine.getTaskService();
    TaskQuery groupTasks =
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate()
            .asc();
    TaskQuery overdue =
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .dueBeforeExpression("${now()}")
            .orderByDueDate()
            .asc();
    TaskQuery myTasks =
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
    List<Filter> filters =
        List.of(
            filter(
                engine.getFilterService(),
                GROUP_TASKS_FILTER,
                groupTasks,
                -10,
                "Open tasks of the groups you belong to, earliest due first",
                null),
            filter(
                engine.getFilterService(),
                OVERDUE_FILTER,
                overdue,
                -8,
                "Your groups' tasks that have passed their due date; an escalation mail has gone out for each",
                "#d9534f"),
            filter(
                engine.getFilterService(),
                MY_TASKS_FILTER,
                myTasks,
                -5,
                "Tasks you have claimed",
                null));
    for (Role role : TASK_WORKERS) {
      for (Filter filter : filters) {
        grants.grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  /**
   * Creates the shared filter, or brings an existing one of that name up to date, so a changed
   * query reaches every installation at its next start.
   */
  private static Filter filter(
      FilterService filters,
      String name,
      TaskQuery query,
      int priority,
      String description,
      String color) {
    Filter filter =
        filters.createFilterQuery().filterName(name).list().stream()
            .findFirst()
            .orElseGet(() -> filters.newTaskFilter(name));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    if (color != null) {
      properties.put("color", color);
    }
    properties.put(
        "variables",
        List.of(
            Map.of("name", OffboardingProcess.PAYER_ACCOUNT_ID.name(), "label", "Payer account"),
            Map.of("name", OffboardingProcess.RESELLER_ID.name(), "label", "Reseller"),
            Map.of(
                "name",
                OffboardingProcess.NEW_PARTY_NAME.name(),
                "label",
                "New responsible party")));
    filter.setQuery(query);
    filter.setProperties(properties);
    try {
      return filters.saveFilter(filter);
    } catch (OptimisticLockingException e) {
      // another node of the cluster saved the same filter at the same moment
      return filters.createFilterQuery().filterName(name).list().get(0);
    }
  }
}
