package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.system.AppUser;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine runs the current call for: the one place that reads the engine's current
 * authentication. An adapter on the engine's internals because the public API has no other way to
 * read it: {@link IdentityService#getCurrentAuthentication()} answers with the {@code impl} type
 * {@link Authentication}.
 */
public final class EngineAuthentication {

  private EngineAuthentication() {}

  /**
   * The groups of the user the engine's current call runs for, if it runs for one: those of the
   * caller's login (a staff member's single sign-on, or Camunda's identity store for HTTP Basic).
   */
  public static Optional<CurrentUser> current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return Optional.ofNullable(authentication)
        .filter(running -> running.getUserId() != null)
        .map(
            running ->
                new CurrentUser(
                    running.getUserId(),
                    running.getGroupIds() == null
                        ? List.of()
                        : List.copyOf(running.getGroupIds())));
  }

  /** A user the engine runs a call for, with the groups it runs with. */
  public record CurrentUser(String userId, List<String> groupIds) {}

  /** The user the engine's current call runs for, if it runs for one. */
  static Optional<String> currentUserId(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  /**
   * Runs engine calls as {@code actor}: the engine checks its authorizations and names it in
   * history and the user operation log. Whatever authentication the thread had before is restored
   * after.
   */
  static <T> T runAs(IdentityService identityService, AppUser actor, Supplier<T> engineCalls) {
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(actor.userId(), actor.groupIds(), actor.tenantIds());
    try {
      return engineCalls.get();
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }
}
