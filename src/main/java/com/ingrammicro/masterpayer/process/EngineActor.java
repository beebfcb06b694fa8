package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.system.AppUser;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
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
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(actor.userId(), actor.groupIds(), actor.tenantIds());
    try {
      // Service calls made inside this command reuse its context, and with it the disabled checks.
      return commands.execute(context -> {
        context.disableAuthorizationCheck();
        context.disableTenantCheck();
        return engineCalls.get();
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
