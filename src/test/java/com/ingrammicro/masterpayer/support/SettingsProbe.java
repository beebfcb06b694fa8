package com.ingrammicro.masterpayer.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the application's settings bind to, in a JVM of its own: started by {@code
 * system/ConfigurationBindingTest} with real environment variables and command-line arguments, it
 * prepares the environment exactly as the application does (application.yml and its profiles, the
 * environment post-processors of {@code META-INF/spring.factories}), binds each settings record and
 * Spring Boot's own properties as the application would, and prints one {@code setting
 * <name>=<value>} line each. No bean is made and nothing is started.
 */
public final class SettingsProbe {

  /** The application's settings records, by prefix; package-private, so named here. */
  static final Map<String, String> RECORDS =
      Map.of(
          "offboarding.mail", "com.ingrammicro.masterpayer.notification.MailProperties",
          "offboarding.sla", "com.ingrammicro.masterpayer.process.deadline.SlaProperties",
          "offboarding.retries", "com.ingrammicro.masterpayer.process.RetryProperties",
          "offboarding.cta", "com.ingrammicro.masterpayer.cta.CtaProperties",
          "offboarding.esignature",
              "com.ingrammicro.masterpayer.cta.esignature.ESignatureProperties",
          "offboarding.registry", "com.ingrammicro.masterpayer.registry.RegistryProperties",
          "offboarding.cleanup", "com.ingrammicro.masterpayer.cleanup.AccessRemovalProperties",
          "offboarding.audit", "com.ingrammicro.masterpayer.audit.AuditProperties",
          "offboarding.security", "com.ingrammicro.masterpayer.system.AccessProperties");

  /** A role whose trust policy names this account: the probe asks the cleanup whose it is. */
  static final String TRUSTED_ACCOUNT_PROPERTY = "probe.trusted-account";

  @Configuration(proxyBeanMethods = false)
  static class NoBeans {}

  private SettingsProbe() {}

  public static void main(String[] args) throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(NoBeans.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run(args)) {
      ConfigurableEnvironment environment = context.getEnvironment();
      Binder binder = Binder.get(environment);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("spring.profiles.active", String.join(",", environment.getActiveProfiles()));
      settings.put("spring.profiles.default", String.join(",", environment.getDefaultProfiles()));
      DataSourceProperties dataSource =
          binder.bindOrCreate("spring.datasource", DataSourceProperties.class);
      settings.put("spring.datasource.url", dataSource.getUrl());
      settings.put("spring.datasource.username", dataSource.getUsername());
      settings.put("spring.datasource.password", dataSource.getPassword());
      HikariConfig hikari = binder.bindOrCreate("spring.datasource.hikari", HikariConfig.class);
      settings.put("spring.datasource.hikari.maximum-pool-size", hikari.getMaximumPoolSize());
      settings.put("spring.datasource.hikari.connection-init-sql", hikari.getConnectionInitSql());
      MailProperties mail = binder.bindOrCreate("spring.mail", MailProperties.class);
      settings.put("spring.mail.host", mail.getHost());
      settings.put("spring.mail.port", mail.getPort());
      settings.put("spring.mail.username", mail.getUsername());
      settings.put("spring.mail.password", mail.getPassword());
      settings.put(
          "spring.mail.properties.mail.smtp.auth", mail.getProperties().get("mail.smtp.auth"));
      settings.put(
          "spring.security.oauth2.resourceserver.jwt.issuer-uri",
          binder
              .bindOrCreate(
                  "spring.security.oauth2.resourceserver", OAuth2ResourceServerProperties.class)
              .getJwt()
              .getIssuerUri());
      // staff login's client registration, as Spring Boot binds it
      // (system/StaffClientRegistrations)
      OAuth2ClientProperties clients =
          binder.bindOrCreate("spring.security.oauth2.client", OAuth2ClientProperties.class);
      OAuth2ClientProperties.Registration staff = clients.getRegistration().get("staff");
      if (staff != null) {
        settings.put(
            "spring.security.oauth2.client.registration.staff",
            "clientId=%s, clientSecret=%s, scope=%s"
                .formatted(staff.getClientId(), staff.getClientSecret(), staff.getScope()));
      }
      OAuth2ClientProperties.Provider provider = clients.getProvider().get("staff");
      if (provider != null) {
        settings.put(
            "spring.security.oauth2.client.provider.staff",
            "issuerUri=%s, userNameAttribute=%s"
                .formatted(provider.getIssuerUri(), provider.getUserNameAttribute()));
      }
      // read by system/NodeName as ${offboarding.node-name:}
      settings.put("offboarding.node-name", environment.getProperty("offboarding.node-name"));
      Object cleanup = null;
      for (Map.Entry<String, String> record : RECORDS.entrySet()) {
        Object bound = binder.bindOrCreate(record.getKey(), Class.forName(record.getValue()));
        settings.put(record.getKey(), bound);
        if (record.getKey().equals("offboarding.cleanup")) {
          cleanup = bound;
        }
      }
      String trusted = environment.getProperty(TRUSTED_ACCOUNT_PROPERTY);
      if (trusted != null) {
        settings.put("trusted-account-role", whoseRole(cleanup, trusted));
      }
      settings.put("it.postgres", TestPostgres.server());
      settings.forEach((name, value) -> System.out.println("setting " + name + "=" + value));
    }
  }

  /**
   * What the cleanup's footprint says of a role that trusts {@code account} (through reflection:
   * the footprint is internal to the cleanup module, as the settings record is).
   */
  private static Object whoseRole(Object properties, String account) throws Exception {
    Class<?> footprintType =
        Class.forName("com.ingrammicro.masterpayer.cleanup.DistributorFootprint");
    Constructor<?> constructor =
        footprintType.getDeclaredConstructor(properties.getClass(), ObjectMapper.class);
    constructor.setAccessible(true);
    Object footprint = constructor.newInstance(properties, new ObjectMapper());
    Method roleReason = footprintType.getDeclaredMethod("roleReason", String.class, String.class);
    roleReason.setAccessible(true);
    String trust =
        URLEncoder.encode(
                FakeAws.trust("arn:aws:iam::" + account + ":root"), StandardCharsets.UTF_8)
            .replace("+", "%20");
    return roleReason.invoke(footprint, "PartnerBillingRole", trust);
  }
}
