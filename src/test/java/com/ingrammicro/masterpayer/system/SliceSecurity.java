package com.ingrammicro.masterpayer.system;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.UserQuery;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The application's own security and error handling for {@code @WebMvcTest} slices: the filter
 * chains of {@link SecurityConfiguration} with their role rules, HTTP Basic checked by {@link
 * CamundaIdentityAuthenticationProvider} and {@link AppUsers}, the early firewall and the
 * problem-detail responses. Only Camunda's identity store is replaced, by one holding the demo
 * identities of the local profile (password = user id; {@code DemoIdentities}), so a slice sends
 * real Basic headers and its callers get the roles the running application gives them.
 *
 * <p>What lies behind the doors (engine-rest's servlet, the engine's own authorizations) is not in
 * a slice: those answers are the integration tests' ({@code AuthorizationMatrixIT}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
  SecurityConfiguration.class,
  CamundaIdentityAuthenticationProvider.class,
  AppUsers.class,
  ErrorResponseConfiguration.class,
  // staff single sign-on's chain needs its provider (the embedded one, never called in a slice)
  StaffLoginConfiguration.class,
  Issuer.class
})
public class SliceSecurity {

  /**
   * The demo users of the local profile: their groups and, for resellers, their one reseller
   * (tenant).
   */
  private static final Map<String, DemoUser> USERS =
      Map.of(
          "sales", new DemoUser(Role.IAAS_SALES, null),
          "finance", new DemoUser(Role.FINANCE, null),
          "auditor", new DemoUser(Role.AUDITOR, null),
          "admin", new DemoUser(Role.ADMIN, null),
          "acme", new DemoUser(Role.RESELLER, "ACME"),
          "globex", new DemoUser(Role.RESELLER, "GLOBEX"));

  private record DemoUser(Role role, String resellerId) {}

  @Bean
  IdentityService demoIdentityStore() {
    IdentityService identities = mock(IdentityService.class);
    when(identities.checkPassword(anyString(), anyString()))
        .thenAnswer(
            call ->
                USERS.containsKey(call.<String>getArgument(0))
                    && call.getArgument(0).equals(call.getArgument(1)));
    when(identities.createUserQuery()).thenAnswer(call -> users());
    when(identities.createGroupQuery()).thenAnswer(call -> groups());
    when(identities.createTenantQuery()).thenAnswer(call -> tenants());
    return identities;
  }

  /**
   * What the security chains read of the engine: its name (webapp sessions) and its identity store.
   */
  @Bean
  ProcessEngine processEngine(IdentityService demoIdentityStore) {
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getName()).thenReturn("default");
    when(engine.getIdentityService()).thenReturn(demoIdentityStore);
    return engine;
  }

  /** Asked only for task completions on the engine's APIs, whose servlets a slice does not have. */
  @Bean
  TaskCompletionCheck taskCompletionCheck() {
    return mock(TaskCompletionCheck.class);
  }

  /**
   * The password check and the caller's groups are read in one transaction (as on the running
   * application); a slice has no application database, so the transaction is that of a small
   * embedded one, closed with the slice's context.
   */
  @Bean(destroyMethod = "shutdown")
  EmbeddedDatabase sliceDatabase() {
    return new EmbeddedDatabaseBuilder()
        .setType(EmbeddedDatabaseType.H2)
        .generateUniqueName(true)
        .build();
  }

  @Bean
  PlatformTransactionManager transactionManager(EmbeddedDatabase sliceDatabase) {
    return new DataSourceTransactionManager(sliceDatabase);
  }

  private static UserQuery users() {
    UserQuery query = mock(UserQuery.class);
    when(query.userId(anyString()))
        .thenAnswer(
            call -> {
              UserQuery byId = mock(UserQuery.class);
              when(byId.count())
                  .thenReturn(USERS.containsKey(call.<String>getArgument(0)) ? 1L : 0L);
              return byId;
            });
    return query;
  }

  private static GroupQuery groups() {
    GroupQuery query = mock(GroupQuery.class);
    when(query.groupMember(anyString()))
        .thenAnswer(
            call -> {
              DemoUser user = USERS.get(call.<String>getArgument(0));
              GroupQuery ofMember = mock(GroupQuery.class);
              List<Group> groups = user == null ? List.of() : List.of(group(user.role().groupId()));
              when(ofMember.list()).thenReturn(groups);
              return ofMember;
            });
    return query;
  }

  private static TenantQuery tenants() {
    TenantQuery query = mock(TenantQuery.class);
    when(query.userMember(anyString()))
        .thenAnswer(
            call -> {
              DemoUser user = USERS.get(call.<String>getArgument(0));
              TenantQuery ofMember = mock(TenantQuery.class);
              List<Tenant> tenants =
                  user == null || user.resellerId() == null
                      ? List.of()
                      : List.of(tenant(user.resellerId()));
              when(ofMember.list()).thenReturn(tenants);
              return ofMember;
            });
    return query;
  }

  private static Group group(String id) {
    Group group = mock(Group.class);
    when(group.getId()).thenReturn(id);
    return group;
  }

  private static Tenant tenant(String id) {
    Tenant tenant = mock(Tenant.class);
    when(tenant.getId()).thenReturn(id);
    return tenant;
  }
}
