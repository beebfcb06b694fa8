package com.ingrammicro.masterpayer.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Reads users, their groups and their reseller (tenant) from Camunda's identity store. */
@Component
class AppUsers {

  private static final Logger log = LoggerFactory.getLogger(AppUsers.class);

  private final IdentityService identityService;

  AppUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  boolean isKnown(String userId) {
    return identityService.createUserQuery().userId(userId).count() > 0;
  }

  boolean checkPassword(String userId, String password) {
    return identityService.checkPassword(userId, password);
  }

  /**
   * The user with its groups and reseller. Callers know the user exists (its password was just
   * checked, or Camunda's webapp logged it in); a user deleted since has no groups, so no rights.
   */
  AppUser load(String userId) {
    List<String> groupIds =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    List<String> tenantIds =
        identityService.createTenantQuery().userMember(userId).list().stream()
            .map(Tenant::getId)
            .toList();
    AppUser user = new AppUser(userId, groupIds, tenantIds);
    if (user.has(Role.RESELLER) && user.resellerId().isEmpty()) {
      log.warn(
          "User {} is in the resellers group but belongs to {} tenants instead of exactly one; "
              + "it gets no reseller rights until an administrator links it to one reseller",
          userId,
          tenantIds.size());
    }
    return user;
  }

  static List<SimpleGrantedAuthority> authoritiesOf(AppUser user) {
    return user.roles().stream()
        // A reseller user that is not linked to one reseller must not reach reseller endpoints.
        .filter(role -> role != Role.RESELLER || user.resellerId().isPresent())
        .map(role -> new SimpleGrantedAuthority(role.authority()))
        .toList();
  }
}
