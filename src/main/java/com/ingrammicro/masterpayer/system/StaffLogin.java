package com.ingrammicro.masterpayer.system;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Staff single sign-on: where its pages are, and where the embedded OpenID provider keeps its own
 * login in the HTTP session, apart from the application's login (the provider's login is not a
 * login to the application; only the OpenID Connect flow makes one).
 */
final class StaffLogin {

  /** The client registration of staff login (Spring Security's registration id). */
  static final String REGISTRATION = "staff";

  /** The embedded provider's login page (form login against Camunda's identity store). */
  static final String LOGIN_PAGE = "/login";

  /** Where a browser starts single sign-on: the redirect to the provider's authorization page. */
  static final String START = "/oauth2/authorization/" + REGISTRATION;

  /** Where the provider sends the browser back with the authorization code. */
  static final String CALLBACK = "/login/oauth2/code/" + REGISTRATION;

  /** Sign-out: the page (GET) and the sign-out itself (POST, with the CSRF token). */
  static final String LOGOUT = "/logout";

  /** The provider's own login, kept in the session under a key of its own. */
  static final HttpSessionSecurityContextRepository IDP_SESSION = idpSession();

  /**
   * The authorization request the provider's login page returns to, kept apart from the page of the
   * application that the browser asked for before single sign-on began: both are saved while one
   * login runs, and the application's must survive the provider's.
   */
  static final HttpSessionRequestCache IDP_REQUESTS = idpRequests();

  private StaffLogin() {}

  private static HttpSessionSecurityContextRepository idpSession() {
    HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    repository.setSpringSecurityContextKey("OFFBOARDING_IDENTITY_PROVIDER_LOGIN");
    return repository;
  }

  private static HttpSessionRequestCache idpRequests() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setSessionAttrName("OFFBOARDING_IDENTITY_PROVIDER_SAVED_REQUEST");
    return cache;
  }
}
