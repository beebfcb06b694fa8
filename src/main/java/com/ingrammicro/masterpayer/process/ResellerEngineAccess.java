package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.offboarding.Offboarding;
import com.ingrammicro.masterpayer.system.AppUser;
import com.ingrammicro.masterpayer.system.EngineSetup;
import com.ingrammicro.masterpayer.system.Grants;
import com.ingrammicro.masterpayer.system.Role;
import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The least that resellers' API calls need in the engine, which checks them: the application runs a
 * reseller's start, withdrawal and signed-CTA upload as the reseller ({@link
 * EngineAuthentication}). The {@code resellers} group may start the journey (CREATE process
 * instances, CREATE_INSTANCE of this process only). A reseller's API client (the user id its token
 * names) may correlate messages (UPDATE) only to process instances of its own reseller, each
 * granted by {@link #allowCorrelation} just before the application correlates, from the offboarding
 * record, never from the caller's word. Granted on demand rather than at the start, so every client
 * of the reseller may act, and instances started before this grant existed need no migration; the
 * engine deletes an instance's authorizations when the instance ends.
 *
 * <p>Resellers never reach engine-rest or the webapps ({@code SecurityConfiguration}, {@code
 * EngineApiGuard}), so these grants matter only to the application's own calls.
 */
@Component
@Order(32)
class ResellerEngineAccess implements EngineSetup {

  private final AuthorizationService authorizations;

  ResellerEngineAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void setUp(ProcessEngine engine) {
    Grants grants = new Grants(authorizations);
    grants.grant(
        Role.RESELLER,
        Resources.PROCESS_DEFINITION,
        OffboardingProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grant(
        Role.RESELLER,
        Resources.PROCESS_INSTANCE,
        Authorization.ANY,
        ProcessInstancePermissions.CREATE);
  }

  /**
   * Lets {@code actor} correlate messages to the offboarding's process instance if the offboarding
   * is its reseller's. Another reseller's instance gets no grant, so the engine refuses the
   * correlation. Runs in the caller's transaction and without an engine authentication.
   */
  void allowCorrelation(AppUser actor, Offboarding offboarding) {
    boolean own = actor.resellerId().filter(offboarding.resellerId()::equals).isPresent();
    if (!own || offboarding.processInstanceId() == null) {
      return;
    }
    grant(actor.userId(), offboarding.processInstanceId());
  }

  /**
   * Lets an e-signature provider ({@code docusign}, a user id without groups) correlate messages to
   * the offboarding's process instance, on the word of the application's own envelope record. Runs
   * in the caller's transaction and without an engine authentication.
   */
  void allowProviderCorrelation(String providerUserId, Offboarding offboarding) {
    if (offboarding.processInstanceId() == null) {
      return;
    }
    grant(providerUserId, offboarding.processInstanceId());
  }

  private void grant(String userId, String processInstanceId) {
    try {
      new Grants(authorizations)
          .grantUser(
              userId,
              Resources.PROCESS_INSTANCE,
              processInstanceId,
              ProcessInstancePermissions.UPDATE);
    } catch (ProcessEngineException failure) {
      if (violatesAConstraint(failure)) {
        // a concurrent call of the same user granted it first: the caller's transaction runs again
        throw new OptimisticLockingFailureException(
            "The same grant was created concurrently", failure);
      }
      throw failure;
    }
  }

  /**
   * An integrity constraint violation (SQL state class 23), here the unique key of a user's grant;
   * or a wait for a concurrent transaction's identical grant that ran out (H2's lock timeout {@code
   * HYT00}, by default 2 s; PostgreSQL's {@code 55P03}, {@code 40001}, {@code 40P01}): both mean a
   * concurrent call got there first, and running the caller's transaction again finds it.
   */
  private static boolean violatesAConstraint(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (SQLException sql = cause instanceof SQLException e ? e : null;
          sql != null;
          sql = sql.getNextException()) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("23") || CONCURRENT_WAITS.contains(state))) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Set<String> CONCURRENT_WAITS = Set.of("HYT00", "55P03", "40001", "40P01");
}
