package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.WebappSession;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Staff sign in to Camunda's webapps and the audit page by single sign-on (OpenID Connect,
 * authorization code with PKCE) at the embedded provider, as a browser does: every redirect
 * followed, the provider's login form posted with its CSRF token (docs/security.md).
 */
@OnH2
class StaffLoginIT extends RunningApplication {

  @ParameterizedTest
  @CsvSource({
    "sales,   welcome tasklist",
    "finance, welcome tasklist",
    "auditor, welcome cockpit",
    "admin,   welcome tasklist cockpit admin"
  })
  void staffSignInThroughTheProvidersLoginPageAndGetTheWebappsOfTheirGroups(
      String user, String apps) {
    WebappSession session = WebappSession.login(api, user);

    assertThat(session.hops())
        .as("the browser's way through single sign-on")
        .extracting(hop -> hop.replaceAll("\\?.*? ->", " ->"))
        .containsExactly(
            "GET /camunda/app/tasklist/default/ -> 302",
            "GET /oauth2/authorization/staff -> 302",
            "GET /oauth2/authorize -> 302",
            "GET /login -> 200",
            "POST /login -> 302",
            "GET /oauth2/authorize -> 302",
            "GET /login/oauth2/code/staff -> 302",
            "GET /camunda/app/tasklist/default/ -> " + (apps.contains("tasklist") ? 200 : 403),
            "GET /camunda/api/admin/auth/user/default -> 200");
    JsonNode login = session.response().json();
    assertThat(login.path("userId").asText()).isEqualTo(user);
    List<String> authorized = new ArrayList<>();
    login.path("authorizedApps").forEach(app -> authorized.add(app.asText()));
    assertThat(authorized).containsExactlyInAnyOrder(apps.split(" "));
  }

  @Test
  void theAuthorizationRequestCarriesAProofKeyAndTheCodeComesBackToTheIssuersAddress() {
    WebappSession session = WebappSession.login(api, "sales");

    String authorize =
        session.hops().stream()
            .filter(hop -> hop.startsWith("GET /oauth2/authorize?"))
            .findFirst()
            .orElseThrow();
    assertThat(authorize)
        .contains("client_id=" + EmbeddedClients.STAFF_LOGIN)
        .contains("code_challenge=")
        .contains("code_challenge_method=S256")
        .contains("scope=openid%20profile")
        .contains("redirect_uri=" + session.base() + StaffLogin.CALLBACK + "&");
  }

  @Test
  void theStaffLoginClientGetsNoCodeWithoutAProofKey() {
    WebappSession signedIn = WebappSession.login(api, "sales");
    String redirect = signedIn.base() + StaffLogin.CALLBACK;

    Api.Response withoutProofKey =
        signedIn.send(
            "GET",
            "/oauth2/authorize?response_type=code&client_id="
                + EmbeddedClients.STAFF_LOGIN
                + "&scope=openid&state=s1&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8),
            null);

    assertThat(withoutProofKey.status()).isEqualTo(302);
    String location = withoutProofKey.header("Location");
    assertThat(location).startsWith(redirect).contains("error=invalid_request");
    assertThat(location).doesNotContain("code=");
  }

  @Test
  void aResellerIsRefusedAtTheProvidersLoginPageAndReachesNoWebapp() {
    WebappSession acme = WebappSession.login(api, "acme");

    assertThat(acme.hops()).contains("POST /login -> 302", "GET /login?error -> 200");
    assertThat(acme.page().text()).contains("Sign-in refused", "Master Payer Offboarding");
    assertThat(acme.response().status()).isEqualTo(401);
    for (String app : List.of("welcome", "tasklist", "cockpit", "admin")) {
      Api.Response page = acme.send("GET", "/camunda/app/" + app + "/default/", null);
      assertThat(page.status()).as(app).isEqualTo(302);
      assertThat(page.header("Location")).endsWith(StaffLogin.START);
    }
    assertThat(acme.send("GET", "/audit/", null).status()).isEqualTo(302);
  }

  @Test
  void aBrowserThatIsNotSignedInIsSentToSignInAndTheWebappsApiAnswers401() {
    WebappSession anonymous = WebappSession.anonymous(api);

    Api.Response page = anonymous.send("GET", "/camunda/app/cockpit/default/", null);
    Api.Response engine = anonymous.send("GET", "/camunda/api/engine/engine/default/task", null);
    Api.Response who = anonymous.send("GET", "/camunda/api/admin/auth/user/default", null);

    assertThat(page.status()).isEqualTo(302);
    assertThat(URI.create(page.header("Location")).getPath()).isEqualTo(StaffLogin.START);
    assertThat(engine.status()).isEqualTo(401);
    assertThat(engine.json().path("message").asText()).contains("single sign-on");
    assertThat(who.status()).isEqualTo(401);
  }

  @Test
  void camundasOwnPasswordLoginIsRefusedSignedInOrNot() {
    WebappSession anonymous = WebappSession.anonymous(api);
    WebappSession sales = WebappSession.login(api, "sales");
    String form = "username=admin&password=admin";

    Api.Response notSignedIn =
        anonymous.postForm("/camunda/api/admin/auth/user/default/login/admin", form);
    Api.Response signedIn =
        sales.postForm("/camunda/api/admin/auth/user/default/login/admin", form);

    assertThat(notSignedIn.status()).isEqualTo(401);
    assertThat(notSignedIn.json().path("message").asText())
        .contains("Camunda's password login is off");
    assertThat(signedIn.status()).isEqualTo(403);
    assertThat(signedIn.json().path("message").asText())
        .contains("Camunda's password login is off");
    assertThat(
            sales
                .send("GET", "/camunda/api/admin/auth/user/default", null)
                .json()
                .path("userId")
                .asText())
        .as("still sales, not admin")
        .isEqualTo("sales");
  }

  @Test
  void camundasSignOutEndsTheSessionAndTheProvidersLoginWithIt() {
    WebappSession sales = WebappSession.login(api, "sales");
    assertThat(sales.send("GET", "/camunda/api/engine/engine/default/task/count", null).status())
        .isEqualTo(200);

    Api.Response signedOut =
        sales.send("POST", "/camunda/api/admin/auth/user/default/logout", null);

    assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(200);
    assertThat(sales.send("GET", "/camunda/api/admin/auth/user/default", null).status())
        .isEqualTo(401);
    assertThat(sales.send("GET", "/camunda/api/engine/engine/default/task/count", null).status())
        .isEqualTo(401);
    // the next page starts single sign-on again, and the provider asks for the password again
    assertThat(sales.open("/camunda/app/tasklist/default/").text()).contains("name=\"password\"");
  }

  @Test
  void theSignOutPageSignsOutWithItsCsrfToken() {
    WebappSession sales = WebappSession.login(api, "sales");

    Api.Response page = sales.send("GET", StaffLogin.LOGOUT, null);
    String csrf = WebappSession.formCsrfToken(page).orElseThrow();
    Api.Response withoutToken = sales.postForm(StaffLogin.LOGOUT, "");
    Api.Response signOut = sales.postForm(StaffLogin.LOGOUT, "_csrf=" + csrf);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("Signed in as <strong>sales</strong>");
    assertThat(withoutToken.status()).isEqualTo(403);
    assertThat(signOut.status()).isEqualTo(302);
    assertThat(URI.create(signOut.header("Location")).getPath()).isEqualTo(StaffLogin.LOGOUT);
    assertThat(sales.send("GET", "/camunda/api/admin/auth/user/default", null).status())
        .isEqualTo(401);
    assertThat(sales.send("GET", StaffLogin.LOGOUT, null).text()).contains("You are signed out");
  }

  @Test
  void theAuditPageIsForAuditorsAndAdministratorsSignedInBySingleSignOn() {
    WebappSession auditor = WebappSession.login(api, "/audit/", "auditor");
    WebappSession sales = WebappSession.login(api, "/audit/", "sales");

    assertThat(auditor.page().status()).isEqualTo(200);
    assertThat(auditor.page().header(ContentSecurityPolicies.HEADER))
        .isEqualTo(ContentSecurityPolicies.AUDIT_PAGE);
    // the page's own calls of the audit API, with the session
    assertThat(auditor.send("GET", "/api/audit/offboardings", null).status()).isEqualTo(200);
    assertThat(sales.page().status()).isEqualTo(403);
    assertThat(sales.page().text()).contains("The audit page is for auditors and administrators");
    assertThat(sales.send("GET", "/api/audit/offboardings", null).status()).isEqualTo(403);
  }

  @Test
  void theApiReadsOnlyWithTheSessionAndLeavesItAsItIs() {
    WebappSession sales = WebappSession.login(api, "sales");

    Api.Response read = sales.send("GET", "/api/offboardings", null);
    Api.Response write = sales.send("POST", "/api/offboardings", "{}");

    assertThat(read.status()).isEqualTo(200);
    // a new session id would sign out the page's other calls that are under way
    assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    assertThat(write.status()).isEqualTo(401);
  }

  @Test
  void camundasSetUpPageIsForAdministratorsOnly() {
    WebappSession sales = WebappSession.login(api, "sales");

    Api.Response setUp =
        sales.send(
            "POST",
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}");

    assertThat(setUp.status()).isEqualTo(403);
  }
}
