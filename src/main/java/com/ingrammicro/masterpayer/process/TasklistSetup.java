package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.system.Grants;
import com.ingrammicro.masterpayer.system.Role;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the people who work the journey need in Tasklist, in every profile: read access to the
 * process (its diagram, instances and history in the task view) and shared task filters. Working a
 * task comes only from its candidate group, which the engine turns into a task authorization.
 */
@Component
@Order(30)
class TasklistSetup extends AbstractCamundaConfiguration {

  static final String GROUP_TASKS_FILTER = "My group's open tasks";
  static final String MY_TASKS_FILTER = "My tasks";

  private static final List<Role> TASK_WORKERS = List.of(Role.IAAS_SALES, Role.FINANCE);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Grants grants = new Grants(engine.getAuthorizationService());
    // Staff read every offboarding (as in the API); READ_INSTANCE lets Tasklist show the payer
    // and reseller of each task in the task list.
    for (Role role : TASK_WORKERS) {
      grants.grant(role, Resources.PROCESS_DEFINITION, OffboardingProcess.KEY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }

    TaskQuery groupTasks = engine.getTaskService().createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
        .orderByDueDate().asc();
    TaskQuery myTasks = engine.getTaskService().createTaskQuery()
        .taskAssigneeExpression("${currentUser()}")
        .orderByDueDate().asc();
    Filter groupFilter = filter(engine.getFilterService(), GROUP_TASKS_FILTER, groupTasks, -10,
        "Open tasks of the groups you belong to, earliest due first");
    Filter myFilter = filter(engine.getFilterService(), MY_TASKS_FILTER, myTasks, -5, "Tasks you have claimed");
    for (Role role : TASK_WORKERS) {
      grants.grant(role, Resources.FILTER, groupFilter.getId(), Permissions.READ);
      grants.grant(role, Resources.FILTER, myFilter.getId(), Permissions.READ);
    }
  }

  private static Filter filter(FilterService filters, String name, TaskQuery query, int priority, String description) {
    return filters.createFilterQuery().filterName(name).list().stream().findFirst().orElseGet(() -> {
      Filter filter = filters.newTaskFilter(name).setQuery(query);
      filter.setProperties(Map.of(
          "description", description,
          "priority", priority,
          "refresh", true,
          "variables", List.of(
              Map.of("name", OffboardingProcess.Variables.PAYER_ACCOUNT_ID, "label", "Payer account"),
              Map.of("name", OffboardingProcess.Variables.RESELLER_ID, "label", "Reseller"),
              Map.of("name", OffboardingProcess.Variables.NEW_PARTY_NAME, "label", "New responsible party"))));
      return filters.saveFilter(filter);
    });
  }
}
