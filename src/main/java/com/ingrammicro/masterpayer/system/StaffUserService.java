package com.ingrammicro.masterpayer.system;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Makes a {@link StaffUser} of a staff member's OpenID Connect login: Spring Security's own user
 * service checks the ID token (and reads the provider's user info where the registration has it),
 * then the staff member's user id is the provider's user name attribute and the groups are those of
 * the configured claim, mapped ({@link StaffGroups}). A login that gives no staff group still signs
 * in, and is refused every page with 403 ("signed in, but not staff").
 */
final class StaffUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private static final Logger log = LoggerFactory.getLogger(StaffUserService.class);

  /** Camunda keeps user ids of task assignees and operation log entries in 255 characters. */
  private static final int MAX_USER_ID = 255;

  private final OidcUserService provider = new OidcUserService();
  private final String groupsClaim;
  private final StaffGroups groups;

  StaffUserService(AccessProperties.StaffLogin staffLogin) {
    this.groupsClaim = staffLogin.groupsClaim();
    this.groups = new StaffGroups(staffLogin);
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser login = provider.loadUser(request);
    String nameAttribute =
        request
            .getClientRegistration()
            .getProviderDetails()
            .getUserInfoEndpoint()
            .getUserNameAttributeName();
    if (!StringUtils.hasText(nameAttribute)) {
      nameAttribute = IdTokenClaimNames.SUB;
    }
    String userId = login.getName();
    if (!StringUtils.hasText(userId) || userId.length() > MAX_USER_ID) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              "invalid_user_name",
              "The identity provider names no user of at most 255 characters in the claim "
                  + nameAttribute,
              null));
    }
    List<String> camundaGroups = groups.of(login.getClaims().get(groupsClaim));
    if (camundaGroups.isEmpty()) {
      log.warn(
          "{} signed in through single sign-on with no staff group (claim {}: {}); every page"
              + " refuses them",
          userId,
          groupsClaim,
          login.getClaims().get(groupsClaim));
    } else {
      log.info("{} signed in through single sign-on with the groups {}", userId, camundaGroups);
    }
    return new StaffUser(login.getIdToken(), login.getUserInfo(), nameAttribute, camundaGroups);
  }
}
