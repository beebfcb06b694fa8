package com.ingrammicro.masterpayer.system;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Staff single sign-on: where its pages are, and where the embedded OpenID provider keeps its own
 * login in the HTTP session, apart from the application's login (the provider's login is not a
 * login to the application; only the OpenID Connect flow makes one).
 */
final class StaffLogin {

  /** The embedded provider's login page (form login against Camunda's identity store). */
  static final String LOGIN_PAGE = "/login";

  /** Where the provider sends the browser back with the authorization code. */
  static final String CALLBACK = "/login/oauth2/code/staff";

  /** The provider's own login, kept in the session under a key of its own. */
  static final HttpSessionSecurityContextRepository IDP_SESSION = idpSession();

  private StaffLogin() {}

  private static HttpSessionSecurityContextRepository idpSession() {
    HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    repository.setSpringSecurityContextKey("OFFBOARDING_IDENTITY_PROVIDER_LOGIN");
    return repository;
  }
}
