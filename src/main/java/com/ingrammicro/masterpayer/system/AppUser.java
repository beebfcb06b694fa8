package com.ingrammicro.masterpayer.system;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller, read from Camunda's identity store. A reseller user is a member of the
 * {@code resellers} group and of exactly one tenant, whose id is the reseller id.
 */
public record AppUser(String userId, List<String> groupIds, List<String> tenantIds, Set<Role> roles) {

  private static final Set<Role> STAFF = EnumSet.of(Role.IAAS_SALES, Role.FINANCE, Role.AUDITOR, Role.ADMIN);

  public AppUser {
    groupIds = List.copyOf(groupIds);
    tenantIds = List.copyOf(tenantIds);
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Staff read every offboarding; resellers only their own. */
  public boolean isStaff() {
    return roles.stream().anyMatch(STAFF::contains);
  }

  /** The reseller this user acts for, when it is a reseller user linked to exactly one reseller. */
  public Optional<String> resellerId() {
    return has(Role.RESELLER) && tenantIds.size() == 1 ? Optional.of(tenantIds.get(0)) : Optional.empty();
  }
}
