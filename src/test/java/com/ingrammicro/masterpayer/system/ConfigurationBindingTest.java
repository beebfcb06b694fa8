package com.ingrammicro.masterpayer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.ingrammicro.masterpayer.support.SettingsProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting the README and docs/configuration.md name binds as they say: each environment
 * variable set in a real process environment, each property given as a command-line argument, to a
 * JVM of its own ({@link SettingsProbe}) that prepares the environment as the application does and
 * binds the application's settings records and Spring Boot's properties. Spring's relaxed binding
 * has blind spots (an environment variable for a map entry whose key has a dash is silently
 * ignored), so only a real environment shows what an operator gets.
 */
class ConfigurationBindingTest {

  /**
   * How each documented setting is checked: a value to give it, and what the probe must then print
   * for {@code shown} (a setting, or a settings record whose text must contain {@code expected}).
   */
  record Check(String key, String value, String shown, String expected, boolean asVariable) {

    Check(String key, String value, String shown, String expected) {
      this(key, value, shown, expected, true);
    }
  }

  static final List<Check> CHECKS =
      List.of(
          check(
              "spring.profiles.active",
              "local,postgres",
              "spring.profiles.active",
              "local,postgres"),
          check(
              "spring.datasource.url",
              "jdbc:h2:mem:bound",
              "spring.datasource.url",
              "jdbc:h2:mem:bound"),
          check(
              "spring.datasource.username",
              "bound-user",
              "spring.datasource.username",
              "bound-user"),
          check(
              "spring.datasource.password",
              "bound-secret",
              "spring.datasource.password",
              "bound-secret"),
          propertyOnly("spring.profiles.default", "local", "spring.profiles.default", "local"),
          propertyOnly(
              "spring.datasource.hikari.connection-init-sql",
              "set search_path = bound",
              "spring.datasource.hikari.connection-init-sql",
              "set search_path = bound"),
          // a map entry whose key has dots: as a property only; in prod SMTP_AUTH sets it
          propertyOnly(
              "spring.mail.properties.mail.smtp.auth",
              "false",
              "spring.mail.properties.mail.smtp.auth",
              "false"),
          check(
              "spring.datasource.hikari.maximum-pool-size",
              "7",
              "spring.datasource.hikari.maximum-pool-size",
              "7"),
          check("spring.mail.host", "smtp.bound.example", "spring.mail.host", "smtp.bound.example"),
          check("spring.mail.port", "2525", "spring.mail.port", "2525"),
          check("spring.mail.username", "mailer", "spring.mail.username", "mailer"),
          check("spring.mail.password", "mail-secret", "spring.mail.password", "mail-secret"),
          mail("drop-folder", "/tmp/bound-mail", "dropFolder=/tmp/bound-mail"),
          mail(
              "from",
              "Bound <bound@ingrammicro.example>",
              "from=Bound <bound@ingrammicro.example>"),
          mail("iaas-sales", "sales@bound.example", "iaasSales=sales@bound.example"),
          mail("finance", "finance@bound.example", "finance=finance@bound.example"),
          mail("escalation", "lead@bound.example", "escalation=lead@bound.example"),
          mail(
              "public-base-url",
              "https://offboarding.bound.example",
              "publicBaseUrl=https://offboarding.bound.example"),
          sla("tasks.review-request.due", "PT4H", "review-request=TaskSla[due=PT4H,"),
          sla(
              "tasks.review-request.reminder",
              "PT3H",
              "review-request=TaskSla[due=PT4H, reminder=PT3H]"),
          sla("tasks.countersign-cta.due", "PT5H", "countersign-cta=TaskSla[due=PT5H,"),
          sla(
              "tasks.countersign-cta.reminder",
              "PT2H",
              "countersign-cta=TaskSla[due=PT5H, reminder=PT2H]"),
          sla("tasks.hand-over-billing.due", "P6D", "hand-over-billing=TaskSla[due=PT144H,"),
          sla(
              "tasks.hand-over-billing.reminder",
              "P4D",
              "hand-over-billing=TaskSla[due=PT144H, reminder=PT96H]"),
          sla(
              "tasks.confirm-payment-clearance.due",
              "P4D",
              "confirm-payment-clearance=TaskSla[due=PT96H,"),
          sla(
              "tasks.confirm-payment-clearance.reminder",
              "P1D",
              "confirm-payment-clearance=TaskSla[due=PT96H, reminder=PT24H]"),
          sla("tasks.approve-removal-plan.due", "PT6H", "approve-removal-plan=TaskSla[due=PT6H,"),
          sla(
              "tasks.approve-removal-plan.reminder",
              "PT1H",
              "approve-removal-plan=TaskSla[due=PT6H, reminder=PT1H]"),
          sla("tasks.remove-access.due", "P2D", "remove-access=TaskSla[due=PT48H,"),
          sla(
              "tasks.remove-access.reminder",
              "P1D",
              "remove-access=TaskSla[due=PT48H, reminder=PT24H]"),
          sla("cta-reminder-cycle", "R2/P3D", "ctaReminderCycle=R2/P3D"),
          sla("cta-expiry", "P20D", "ctaExpiry=PT480H"),
          sla("payment-recheck-delay", "P5D", "paymentRecheckDelay=PT120H"),
          check("offboarding.retries.mail", "R3/PT2M", "offboarding.retries", "mail=R3/PT2M"),
          check("offboarding.retries.work", "R4/PT3M", "offboarding.retries", "work=R4/PT3M"),
          check(
              "offboarding.cta.max-signed-size",
              "5MB",
              "offboarding.cta",
              "maxSignedSize=5242880B"),
          check(
              "offboarding.cta.consenting-party",
              "Bound Micro Inc.",
              "offboarding.cta",
              "consentingParty=Bound Micro Inc."),
          check(
              "offboarding.cta.require-digital-signatures",
              "3",
              "offboarding.cta",
              "requireDigitalSignatures=3"),
          check(
              "offboarding.cta.trust-store",
              "file:/tmp/bound-trust.p12",
              "offboarding.cta",
              "trustStore=URL [file:/tmp/bound-trust.p12]"),
          check(
              "offboarding.cta.trust-store-password",
              "bound-store-secret",
              "offboarding.cta",
              "trustStorePassword=bound-store-secret"),
          check("offboarding.registry.max-import-size", "2MB", "offboarding.registry", "2097152B"),
          security(
              "authorization-server.failed-client-authentication-delay",
              "PT3S",
              "failedClientAuthenticationDelay=PT3S"),
          security("api.audience", "bound-audience", "audience=bound-audience"),
          security("api.reseller-claim", "bound_reseller", "resellerClaim=bound_reseller"),
          security("api.token-lifetime", "PT7M", "tokenLifetime=PT7M"),
          security("staff-http-basic", "false", "staffHttpBasic=false"),
          check(
              "spring.security.oauth2.resourceserver.jwt.issuer-uri",
              "https://login.bound.example/realms/partners",
              "spring.security.oauth2.resourceserver.jwt.issuer-uri",
              "https://login.bound.example/realms/partners"),
          esignature("provider", "docusign", "provider=DOCUSIGN"),
          docusign("base-uri", "https://bound.docusign.example/restapi", "baseUri=https://bound"),
          docusign("account-id", "bound-account", "accountId=bound-account"),
          docusign(
              "oauth-base-uri", "https://account.bound.example", "oauthBaseUri=https://account."),
          docusign("integration-key", "bound-integration", "integrationKey=bound-integration"),
          docusign("user-id", "bound-user-id", "userId=bound-user-id"),
          docusign("private-key", "bound-private-key", "privateKey=(17 characters)"),
          docusign("access-token", "bound-token", "accessToken=(11 characters)"),
          docusign("connect-hmac-keys", "first-key,second-key", "connectHmacKeys=(2 keys)"),
          docusign("email-subject", "Bound subject", "emailSubject=Bound subject"),
          docusign("timeout", "PT7S", "timeout=PT7S"),
          docusign("max-notification-size", "3MB", "maxNotificationSize=3145728B"),
          cleanup("enabled", "true", "enabled=true"),
          cleanup(
              "engine-principal",
              "arn:aws:iam::222222222222:role/bound-engine",
              "enginePrincipal=arn:aws:iam::222222222222:role/bound-engine"),
          cleanup("role-name", "BoundCleanup", "roleName=BoundCleanup"),
          cleanup("session-duration", "PT30M", "sessionDuration=PT30M"),
          cleanup("region", "eu-west-1", "region=eu-west-1"),
          cleanup("sts-endpoint", "http://127.0.0.1:4599", "stsEndpoint=http://127.0.0.1:4599"),
          cleanup("iam-endpoint", "http://127.0.0.1:4598", "iamEndpoint=http://127.0.0.1:4598"),
          cleanup(
              "cloudformation-endpoint",
              "http://127.0.0.1:4597",
              "cloudformationEndpoint=http://127.0.0.1:4597"),
          cleanup("s3-endpoint", "http://127.0.0.1:4596", "s3Endpoint=http://127.0.0.1:4596"),
          cleanup("target-role-names", "RoleA,RoleB", "targetRoleNames=[RoleA, RoleB]"),
          cleanup(
              "target-policy-names", "PolicyA*,PolicyB", "targetPolicyNames=[PolicyA*, PolicyB]"),
          cleanup("distributor-accounts.ingram-micro", "333333333333", "ingram-micro=333333333333"),
          cleanup("plan-approval", "automatic", "planApproval=AUTOMATIC"),
          cleanup("max-attempts", "7", "maxAttempts=7"),
          cleanup("delete-conflict-attempts", "6", "deleteConflictAttempts=6"),
          cleanup("delete-conflict-backoff", "PT3S", "deleteConflictBackoff=PT3S"),
          check(
              "offboarding.audit.retention-days",
              "4000",
              "offboarding.audit",
              "retentionDays=4000"),
          check("offboarding.node-name", "node-bound-1", "offboarding.node-name", "node-bound-1"),
          // staff login (docs/configuration.md, "Staff login")
          security(
              "issuer",
              "https://offboarding.bound.example",
              "issuer=https://offboarding.bound.example"),
          security("authorization-server.enabled", "false", "AuthorizationServer[enabled=false"),
          security("staff-login.groups-claim", "roles", "groupsClaim=roles"),
          // entries of a map of lists under a key with a dash: as properties only (environment
          // variables of them bind to nothing)
          propertyOnly(
              "offboarding.security.staff-login.groups.finance",
              "Finance Team,Accounts",
              "offboarding.security",
              "finance=[Finance Team, Accounts]"),
          propertyOnly(
              "offboarding.security.staff-login.groups.auditors",
              "Audit",
              "offboarding.security",
              "auditors=[Audit]"),
          propertyOnly(
              "offboarding.security.staff-login.groups.iaas-sales",
              "IaaS Sales EMEA,IaaS Sales US",
              "offboarding.security",
              "iaas-sales=[IaaS Sales EMEA, IaaS Sales US]"),
          propertyOnly(
              "offboarding.security.staff-login.groups.camunda-admin",
              "Offboarding Admins",
              "offboarding.security",
              "camunda-admin=[Offboarding Admins]"),
          check(
              "spring.security.oauth2.client.registration.staff.client-id",
              "bound-client",
              "spring.security.oauth2.client.registration.staff",
              "clientId=bound-client"),
          check(
              "spring.security.oauth2.client.registration.staff.client-secret",
              "bound-client-secret",
              "spring.security.oauth2.client.registration.staff",
              "clientSecret=bound-client-secret"),
          check(
              "spring.security.oauth2.client.registration.staff.scope",
              "openid,profile",
              "spring.security.oauth2.client.registration.staff",
              "scope=[openid, profile]"),
          check(
              "spring.security.oauth2.client.provider.staff.issuer-uri",
              "https://login.bound.example/tenant/v2.0",
              "spring.security.oauth2.client.provider.staff",
              "issuerUri=https://login.bound.example/tenant/v2.0"),
          check(
              "spring.security.oauth2.client.provider.staff.user-name-attribute",
              "preferred_username",
              "spring.security.oauth2.client.provider.staff",
              "userNameAttribute=preferred_username"));

  /** The prod profile's own variables for the SMTP server (application-prod.yml). */
  static final List<Check> PROD_VARIABLES =
      List.of(
          new Check("SMTP_HOST", "smtp.prod.example", "spring.mail.host", "smtp.prod.example"),
          new Check("SMTP_PORT", "465", "spring.mail.port", "465"),
          new Check("SMTP_USERNAME", "prod-mailer", "spring.mail.username", "prod-mailer"),
          new Check("SMTP_PASSWORD", "prod-secret", "spring.mail.password", "prod-secret"),
          new Check("SMTP_AUTH", "false", "spring.mail.properties.mail.smtp.auth", "false"));

  /** The integration tests' PostgreSQL server (support/TestPostgres), which the README names. */
  static final List<Check> TEST_VARIABLES =
      List.of(
          new Check("IT_POSTGRES_HOST", "db.bound.example", "it.postgres", "db.bound.example:"),
          new Check("IT_POSTGRES_PORT", "6543", "it.postgres", ":6543 "),
          new Check("IT_POSTGRES_USER", "tester", "it.postgres", " tester"),
          new Check("IT_POSTGRES_PASSWORD", "pw", "it.postgres", "with a password"));

  static final String INGRAM_MICRO = "444444444444";

  static Map<String, String> fromEnvironment;
  static Map<String, String> fromCommandLine;
  static Map<String, String> inProd;
  static Map<String, String> asTheReadmeSays;

  @BeforeAll
  static void probe() throws Exception {
    Map<String, String> variables = new LinkedHashMap<>();
    List<String> arguments = new ArrayList<>();
    for (Check check : CHECKS) {
      if (check.asVariable()) {
        variables.put(variable(check.key()), check.value());
      }
      arguments.add("--" + check.key() + "=" + check.value());
    }
    TEST_VARIABLES.forEach(check -> variables.put(check.key(), check.value()));
    fromEnvironment = probe(variables, List.of());
    fromCommandLine = probe(Map.of(), arguments);
    Map<String, String> prod = new LinkedHashMap<>();
    PROD_VARIABLES.forEach(check -> prod.put(check.key(), check.value()));
    prod.put("SPRING_PROFILES_ACTIVE", "prod");
    inProd = probe(prod, List.of());
    asTheReadmeSays =
        probe(
            Map.of("OFFBOARDING_CLEANUP_DISTRIBUTOR_ACCOUNTS_INGRAM_MICRO", INGRAM_MICRO),
            List.of("--probe.trusted-account=" + INGRAM_MICRO));
  }

  @Test
  void anIngramMicroAccountGivenAsTheDocumentedEnvironmentVariableMakesItsRolesTheDistributors() {
    assertThat(asTheReadmeSays.get("offboarding.cleanup"))
        .contains("cloudcheckr=352813966189", "ingram-micro=" + INGRAM_MICRO);
    assertThat(asTheReadmeSays.get("trusted-account-role"))
        .isEqualTo("Optional[trusts the distributor account ingram-micro (" + INGRAM_MICRO + ")]");
  }

  @ParameterizedTest
  @MethodSource("documentedSettings")
  void everyDocumentedSettingBindsAsDocumented(String documented) {
    Check check = checkOf(documented);
    assertThat(check)
        .as(documented + " is documented: give it a check in " + getClass().getSimpleName())
        .isNotNull();
    Map<String, String> bound =
        documented.startsWith("SMTP_")
            ? inProd
            : documented.equals(documented.toUpperCase(Locale.ROOT))
                ? fromEnvironment
                : fromCommandLine;
    assertThat(bound.get(check.shown()))
        .as(documented + "=" + check.value())
        .isNotNull()
        .contains(check.expected());
  }

  /**
   * The settings the README and docs/configuration.md name in full, and those of the checks (whose
   * environment variables the documents name by their rule), each as a property and as an
   * environment variable.
   */
  static Stream<String> documentedSettings() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    Pattern named =
        Pattern.compile(
            "(?<![\\w/.])((?:OFFBOARDING|SPRING|SMTP|IT_POSTGRES)_[A-Z0-9_]*[A-Z0-9]"
                + "|(?:offboarding|spring\\.(?:datasource|mail|profiles))\\.[a-z0-9.-]*[a-z0-9])");
    for (String document : List.of("README.md", "docs/configuration.md")) {
      Matcher found = named.matcher(Files.readString(Path.of(document)));
      while (found.find()) {
        names.add(found.group(1));
      }
    }
    // a prefix that the documents complete elsewhere ("offboarding.mail.*") is no setting
    names.removeIf(
        name ->
            name.endsWith(".bpmn")
                || names.stream()
                    .anyMatch(
                        other -> other.startsWith(name + ".") || other.startsWith(name + "_")));
    for (Check check : CHECKS) {
      names.add(check.key());
      if (check.asVariable()) {
        names.add(variable(check.key()));
      }
    }
    return names.stream();
  }

  private static Check checkOf(String documented) {
    for (Check check : CHECKS) {
      if (check.key().equals(documented)
          || (check.asVariable() && variable(check.key()).equals(documented))) {
        return check;
      }
    }
    return Stream.concat(PROD_VARIABLES.stream(), TEST_VARIABLES.stream())
        .filter(check -> check.key().equals(documented))
        .findFirst()
        .orElse(null);
  }

  /** Spring Boot's rule for a property's environment variable (docs/configuration.md). */
  static String variable(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Runs the probe with exactly these variables of ours and these arguments. */
  private static Map<String, String> probe(Map<String, String> variables, List<String> arguments)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dlogging.level.root=OFF");
    command.add(SettingsProbe.class.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // the machine's own settings of the application must not leak into the probe
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.matches("(OFFBOARDING|SPRING|SMTP|IT_POSTGRES)_.*"));
    builder.environment().putAll(variables);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Map<String, String> settings = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("setting ")) {
        int equals = line.indexOf('=');
        settings.put(line.substring("setting ".length(), equals), line.substring(equals + 1));
      }
    }
    return settings;
  }

  private static Check check(String key, String value, String shown, String expected) {
    return new Check(key, value, shown, expected);
  }

  private static Check propertyOnly(String key, String value, String shown, String expected) {
    return new Check(key, value, shown, expected, false);
  }

  private static Check mail(String key, String value, String expected) {
    return new Check("offboarding.mail." + key, value, "offboarding.mail", expected);
  }

  private static Check sla(String key, String value, String expected) {
    return new Check("offboarding.sla." + key, value, "offboarding.sla", expected);
  }

  private static Check esignature(String key, String value, String expected) {
    return new Check("offboarding.esignature." + key, value, "offboarding.esignature", expected);
  }

  private static Check docusign(String key, String value, String expected) {
    return esignature("docusign." + key, value, expected);
  }

  private static Check security(String key, String value, String expected) {
    return new Check("offboarding.security." + key, value, "offboarding.security", expected);
  }

  private static Check cleanup(String key, String value, String expected) {
    return new Check("offboarding.cleanup." + key, value, "offboarding.cleanup", expected);
  }
}
