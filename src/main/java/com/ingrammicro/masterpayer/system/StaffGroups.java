package com.ingrammicro.masterpayer.system;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Camunda groups a staff member's single sign-on gives: the identity provider's groups (the
 * claim {@code offboarding.security.staff-login.groups-claim}) mapped onto the staff groups of
 * {@link Role} by {@code offboarding.security.staff-login.groups}. A staff group the mapping names
 * is given for any of the provider's group names (or ids) listed for it, and only for those; a
 * staff group it does not name is given for a provider group of the same id. The {@code resellers}
 * group never comes from single sign-on: resellers are API clients, and the mapping refuses to name
 * it, as it refuses a group this application does not know.
 */
final class StaffGroups {

  static final String PROPERTY = "offboarding.security.staff-login.groups";

  /** The provider's group names that give each staff group, in {@link Role} order. */
  private final Map<Role, Set<String>> providerGroups = new LinkedHashMap<>();

  StaffGroups(AccessProperties.StaffLogin staffLogin) {
    for (String camundaGroup : staffLogin.groups().keySet()) {
      if (Role.ofGroup(camundaGroup).filter(StaffGroups::isStaff).isEmpty()) {
        throw new IllegalStateException(
            PROPERTY
                + "."
                + camundaGroup
                + ": single sign-on gives only the staff groups "
                + staffGroupIds()
                + "; resellers are API clients and never sign in to the webapps (docs/security.md)");
      }
    }
    for (Role role : Role.values()) {
      if (isStaff(role)) {
        List<String> names =
            staffLogin.groups().getOrDefault(role.groupId(), List.of(role.groupId()));
        providerGroups.put(role, Set.copyOf(names));
      }
    }
  }

  /**
   * The Camunda group ids for the provider's groups as the token's claim holds them: a list of
   * names or ids (as Entra ID, Okta and Keycloak send it), or one name; anything else gives none.
   */
  List<String> of(Object claim) {
    Set<String> given;
    if (claim instanceof Collection<?> values) {
      given = values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
    } else if (claim instanceof String value) {
      given = Set.of(value);
    } else {
      given = Set.of();
    }
    return providerGroups.entrySet().stream()
        .filter(mapping -> mapping.getValue().stream().anyMatch(given::contains))
        .map(mapping -> mapping.getKey().groupId())
        .toList();
  }

  private static boolean isStaff(Role role) {
    return role != Role.RESELLER;
  }

  private static List<String> staffGroupIds() {
    return Arrays.stream(Role.values()).filter(StaffGroups::isStaff).map(Role::groupId).toList();
  }
}
