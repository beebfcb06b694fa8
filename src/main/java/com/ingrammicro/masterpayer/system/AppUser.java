package com.ingrammicro.masterpayer.system;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated caller: a staff member with the groups of their login (single sign-on, or
 * Camunda's identity store for HTTP Basic), or a reseller's API client made from its bearer token.
 * A reseller caller is a member of the {@code resellers} group and of exactly one tenant, whose id
 * is the reseller id.
 */
public record AppUser(String userId, List<String> groupIds, List<String> tenantIds)
    implements AuthenticatedPrincipal {

  private static final Set<Role> STAFF =
      EnumSet.of(Role.IAAS_SALES, Role.FINANCE, Role.AUDITOR, Role.ADMIN);

  public AppUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
  }

  /**
   * The user id: what Spring Security names a login by, such as the embedded provider's logins in
   * the tokens' subject.
   */
  @Override
  public String getName() {
    return userId;
  }

  /** The application roles among the user's groups. */
  public Set<Role> roles() {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    groupIds.forEach(groupId -> Role.ofGroup(groupId).ifPresent(roles::add));
    return roles;
  }

  public boolean has(Role role) {
    return groupIds.contains(role.groupId());
  }

  /** Staff read every offboarding; resellers only their own. */
  public boolean isStaff() {
    return STAFF.stream().anyMatch(this::has);
  }

  /** The reseller this user acts for, when it is a reseller user linked to exactly one reseller. */
  public Optional<String> resellerId() {
    return has(Role.RESELLER) && tenantIds.size() == 1
        ? Optional.of(tenantIds.get(0))
        : Optional.empty();
  }
}
