package com.ingrammicro.masterpayer.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages of staff sign-in: the embedded provider's login form ({@value StaffLogin#LOGIN_PAGE},
 * reachable only while the embedded provider runs, {@code EmbeddedProviderLogin}) and sign-out
 * ({@value StaffLogin#LOGOUT}). Spring Security does the logins and the logout; these only draw the
 * forms, with the request's CSRF token.
 */
@Controller
class StaffLoginPages {

  @GetMapping(value = StaffLogin.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> login(HttpServletRequest request) {
    return page(
        StaffPages.login(csrf(request), request.getParameter("error") != null),
        ContentSecurityPolicies.LOGIN_FORM);
  }

  @GetMapping(value = StaffLogin.LOGOUT, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> logout(HttpServletRequest request, Authentication authentication) {
    String signedIn = StaffUser.of(authentication).map(AppUser::userId).orElse(null);
    return page(StaffPages.logout(csrf(request), signedIn), ContentSecurityPolicies.STAFF_PAGES);
  }

  private static CsrfToken csrf(HttpServletRequest request) {
    return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
  }

  private static ResponseEntity<String> page(String html, String policy) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .header(ContentSecurityPolicies.HEADER, policy)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(html);
  }
}
