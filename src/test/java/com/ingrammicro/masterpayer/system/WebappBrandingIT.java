package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.Api;
import com.ingrammicro.masterpayer.support.OnH2;
import com.ingrammicro.masterpayer.support.RunningApplication;
import com.ingrammicro.masterpayer.support.WebappSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webapps carry the product's name through Camunda's documented customisation (each app's
 * {@code scripts/config.js} and {@code styles/user-styles.css}, docs/camunda-ce.md), as the running
 * application serves them: the configuration is Camunda's default with the name and vendor added,
 * nothing else changed; Camunda CE's end-of-life banner is hidden in Tasklist, Cockpit and Welcome
 * and left in Admin; and the engine's own edition and version make the startup warning.
 */
@OnH2
class WebappBrandingIT extends RunningApplication {

  private WebappSession admin;

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

  /** Each app, and the name its header, login page and browser title show. */
  private static final Map<String, String> NAMES =
      Map.of(
          "tasklist", "Master Payer Offboarding – Tasklist",
          "cockpit", "Master Payer Offboarding – Cockpit",
          "admin", "Master Payer Offboarding – Admin",
          "welcome", "Master Payer Offboarding – Welcome");

  private static final String HIDE_BANNER =
      "[cam-widget-header] .ce-eol-banner {\n  display: none;\n}";

  @Test
  void everyWebappIsNamedAfterTheProductWithCamundasDefaultConfigurationOtherwiseKept() {
    NAMES.forEach(
        (app, name) -> {
          Api.Response served = signedIn("/camunda/app/" + app + "/scripts/config.js");
          assertThat(served.status()).as(app).isEqualTo(200);
          assertThat(served.header("Content-Type")).as(app).contains("javascript");

          List<String> code = codeLines(served.text());
          int block = code.indexOf("app: {");
          assertThat(block).as("%s's config.js sets the app's name", app).isPositive();
          assertThat(code.subList(block, block + 4))
              .as(app)
              .containsExactly("app: {", "name: '" + name + "',", "vendor: 'Ingram Micro'", "},");
          List<String> rest = new ArrayList<>(code);
          rest.subList(block, block + 4).clear();
          assertThat(rest)
              .as("%s's config.js is Camunda's default otherwise (custom scripts, shortcuts…)", app)
              .isEqualTo(codeLines(webjarDefault("app/" + app + "/scripts/config.js")));
        });
  }

  @Test
  void theEndOfLifeBannerIsHiddenForDailyWorkAndLeftInAdmin() {
    // the element the rule hides: Camunda's header widget renders the banner as div.ce-eol-banner
    // in every CE build; a Camunda that renamed it would bring the banner back unnoticed
    assertThat(signedIn("/camunda/app/tasklist/camunda-tasklist-bootstrap.js").text())
        .contains("<div ng-if=\"isCommunityEdition\" class=\"ce-eol-banner\"");

    NAMES
        .keySet()
        .forEach(
            app -> {
              assertThat(signedIn("/camunda/app/" + app + "/default/").text())
                  .as("%s's page loads its user stylesheet", app)
                  .contains("/app/" + app + "/styles/user-styles.css");
              Api.Response styles = signedIn("/camunda/app/" + app + "/styles/user-styles.css");
              assertThat(styles.status()).as(app).isEqualTo(200);
              assertThat(styles.header("Content-Type")).as(app).contains("text/css");
              String rules = withoutComments(styles.text());
              assertThat(rules).as(app).contains(".navbar-brand .brand-name");
              if (app.equals("admin")) {
                assertThat(rules)
                    .as("administrators see the banner in Admin")
                    .doesNotContain("ce-eol-banner");
              } else {
                assertThat(rules).as(app).contains(HIDE_BANNER);
                assertThat(rules)
                    .as("%s's page moves up by the banner's height", app)
                    .contains("body {\n  padding-top: 45px;\n}");
              }
            });
  }

  @Test
  void theStartupWarningNamesTheEnginesCommunityEditionAndTheDocs() {
    assertThat(
            CamundaEndOfLifeNotice.notice(managementService.getTelemetryData().getProduct())
                .orElseThrow())
        .contains("Camunda 7.24.0 Community Edition", "docs/camunda-ce.md");
  }

  /** The file as Camunda's webjar ships it (the application's own copy comes first). */
  private static String webjarDefault(String path) {
    try {
      List<URL> copies =
          Collections.list(WebappBrandingIT.class.getClassLoader().getResources(WEBJAR + path));
      URL original =
          copies.stream()
              .filter(url -> url.toString().contains("camunda-webapp-webjar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + path + " in Camunda's webjar"));
      try (InputStream in = original.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines that are code: trimmed, without comments and blank lines. */
  private static List<String> codeLines(String script) {
    return withoutComments(script)
        .lines()
        .map(line -> line.replaceFirst("//.*$", "").trim())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private static String withoutComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", "");
  }

  /**
   * The webapps' files as a signed-in administrator's browser gets them: behind single sign-on,
   * like everything under {@code /camunda/app}.
   */
  private Api.Response signedIn(String path) {
    if (admin == null) {
      admin = WebappSession.login(api, "admin");
    }
    return admin.send("GET", path, null);
  }
}
