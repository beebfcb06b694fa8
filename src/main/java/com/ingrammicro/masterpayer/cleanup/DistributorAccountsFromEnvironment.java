package com.ingrammicro.masterpayer.cleanup;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Lets {@code OFFBOARDING_CLEANUP_DISTRIBUTOR_ACCOUNTS_INGRAM_MICRO=<12 digits>} mean what it says:
 * the distributor account {@code ingram-micro}. Spring Boot's relaxed binding reads every {@code _}
 * of an environment variable as a {@code .}, so it never finds map entries under the dashed {@code
 * distributor-accounts} that way, and the account would be silently missing (docs/configuration.md,
 * "Access removal"). Each such variable becomes the entry {@code
 * offboarding.cleanup.distributor-accounts.<name>}, its name in lower case with {@code -} for
 * {@code _}, in a property source just below the environment's own: command-line arguments and
 * system properties still win, application.yml does not.
 */
class DistributorAccountsFromEnvironment implements EnvironmentPostProcessor, Ordered {

  static final String VARIABLE_PREFIX = "OFFBOARDING_CLEANUP_DISTRIBUTOR_ACCOUNTS_";
  static final String PROPERTY_PREFIX = "offboarding.cleanup.distributor-accounts.";
  static final String SOURCE_NAME = "offboardingDistributorAccountsFromEnvironment";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    PropertySource<?> variables =
        environment
            .getPropertySources()
            .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    if (!(variables instanceof EnumerablePropertySource<?> enumerable)) {
      return;
    }
    Map<String, Object> accounts = new LinkedHashMap<>();
    for (String name : enumerable.getPropertyNames()) {
      if (name.startsWith(VARIABLE_PREFIX) && name.length() > VARIABLE_PREFIX.length()) {
        String key = name.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT);
        accounts.put(PROPERTY_PREFIX + key.replace('_', '-'), enumerable.getProperty(name));
      }
    }
    if (!accounts.isEmpty()) {
      environment
          .getPropertySources()
          .addAfter(
              StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
              new MapPropertySource(SOURCE_NAME, accounts));
    }
  }

  /** After Spring Boot has put its own environment-variable source in place. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
