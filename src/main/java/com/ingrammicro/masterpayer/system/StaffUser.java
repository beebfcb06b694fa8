package com.ingrammicro.masterpayer.system;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A staff member signed in by single sign-on: the OpenID Connect login as Spring Security keeps it,
 * with the Camunda groups it gives ({@link StaffGroups}). Everything that acts for the staff member
 * in the webapps, the audit page and the API reads the user and groups from here, never from
 * Camunda's identity store, where a company's staff need not exist.
 */
final class StaffUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final List<String> groupIds;

  StaffUser(
      OidcIdToken idToken, OidcUserInfo userInfo, String nameAttribute, List<String> groupIds) {
    super(
        AppUsers.authoritiesOf(new AppUser("-", groupIds, List.of())),
        idToken,
        userInfo,
        nameAttribute);
    this.groupIds = List.copyOf(groupIds);
  }

  /** The staff member as the application's caller: the provider's user name, no tenants. */
  AppUser appUser() {
    return new AppUser(getName(), groupIds, List.of());
  }

  /** The signed-in staff member of the current request, if its login is a single sign-on. */
  static Optional<AppUser> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<AppUser> of(Authentication authentication) {
    return authentication != null && authentication.getPrincipal() instanceof StaffUser staff
        ? Optional.of(staff.appUser())
        : Optional.empty();
  }
}
