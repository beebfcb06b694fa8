package com.ingrammicro.masterpayer.system;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * The staff member's groups in the embedded provider's ID token, under the configured claim ({@code
 * offboarding.security.staff-login.groups-claim}): the Camunda groups of the user who logged in at
 * the provider, staff groups only.
 */
@Component
class StaffGroupsClaim {

  private final AccessProperties properties;

  StaffGroupsClaim(AccessProperties properties) {
    this.properties = properties;
  }

  void addTo(JwtEncodingContext context) {
    if (context.getPrincipal().getPrincipal() instanceof AppUser user && user.isStaff()) {
      context
          .getClaims()
          .claim(
              properties.staffLogin().groupsClaim(),
              user.roles().stream()
                  .filter(role -> role != Role.RESELLER)
                  .map(Role::groupId)
                  .toList());
    }
  }
}
