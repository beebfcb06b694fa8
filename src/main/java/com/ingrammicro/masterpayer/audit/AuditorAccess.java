package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.process.OffboardingProcess;
import com.ingrammicro.masterpayer.system.EngineSetup;
import com.ingrammicro.masterpayer.system.Grants;
import com.ingrammicro.masterpayer.system.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The auditors' engine authorizations, in every profile: Cockpit shows them the journey's
 * definition, instances, tasks, incidents, history and the user operation log, and nothing they
 * hold lets them update, delete, cancel, suspend, retry or complete anything. (Cockpit access
 * itself is granted with the groups, in {@code IdentityBootstrap}.)
 */
@Component
@Order(31)
class AuditorAccess implements EngineSetup {

  @Override
  public void setUp(ProcessEngine engine) {
    Grants grants = new Grants(engine.getAuthorizationService());
    grants.grant(
        Role.AUDITOR,
        Resources.PROCESS_DEFINITION,
        OffboardingProcess.KEY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_HISTORY);
    grants.grant(Role.AUDITOR, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
    grants.grant(Role.AUDITOR, Resources.DEPLOYMENT, "*", Permissions.READ);
    grants.grant(
        Role.AUDITOR,
        Resources.OPERATION_LOG_CATEGORY,
        "*",
        UserOperationLogCategoryPermissions.READ);
  }
}
