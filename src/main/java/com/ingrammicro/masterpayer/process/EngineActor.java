package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.system.AppUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.springframework.stereotype.Component;

/**
 * Runs the engine calls the application makes for an API caller as that caller, so that the
 * engine's history (the process instance's start user, the user operation log) names them.
 *
 * <p>Camunda only logs user operations of an authenticated user, and it also checks engine
 * authorizations for one. Resellers have no engine authorizations on purpose (they never reach
 * engine-rest or the webapps); the application has already decided that the caller may act on this
 * offboarding. So the call runs with the caller's identity but without the engine's authorization
 * and tenant checks: attribution, not permission.
 */
@Component
class EngineActor {

  private final IdentityService identityService;
  private final CommandExecutor commands;

  EngineActor(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.commands = configuration.getCommandExecutorTxRequired();
  }

  <T> T as(AppUser actor, Supplier<T> engineCalls) {
    return as(actor, context -> engineCalls.get());
  }

  /**
   * Like {@link #as}, and records the call in the user operation log as an operation on one process
   * instance. Camunda logs process starts and task work itself, but not a single message
   * correlation; logged first, the operation's id also marks the variables the call sets. Callers
   * roll back when the call is refused, so a refused call leaves no entry.
   */
  <T> T asLogged(AppUser actor, String operationType, String processInstanceId, Map<String, Object> properties,
      Supplier<T> engineCalls) {
    return as(actor, context -> {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
      List<PropertyChange> changes = new ArrayList<>();
      properties.forEach((name, value) -> changes.add(new PropertyChange(name, null, value)));
      context.getOperationLogManager().logProcessInstanceOperation(operationType, processInstanceId,
          instance == null ? null : instance.getProcessDefinitionId(),
          instance == null ? null : instance.getProcessDefinition().getKey(), changes);
      return engineCalls.get();
    });
  }

  private <T> T as(AppUser actor, Function<CommandContext, T> engineCalls) {
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(actor.userId(), actor.groupIds(), actor.tenantIds());
    try {
      // Service calls made inside this command reuse its context, and with it the disabled checks.
      return commands.execute(context -> {
        context.disableAuthorizationCheck();
        context.disableTenantCheck();
        return engineCalls.apply(context);
      });
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }
}
