package com.ingrammicro.masterpayer.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server of the machine (127.0.0.1:5432 by default; {@code IT_POSTGRES_HOST}, {@code
 * IT_POSTGRES_PORT}, {@code IT_POSTGRES_USER}, {@code IT_POSTGRES_PASSWORD} override). Each test
 * run gets a freshly created database, so runs never see each other's data; its name carries a
 * digest of the checkout's directory, so two checkouts on one machine never share one.
 */
public final class TestPostgres {

  private static final String HOST = env("IT_POSTGRES_HOST", "127.0.0.1");
  private static final String PORT = env("IT_POSTGRES_PORT", "5432");
  public static final String USER = env("IT_POSTGRES_USER", "postgres");
  public static final String PASSWORD = env("IT_POSTGRES_PASSWORD", "");

  /** This checkout's and, when Failsafe runs test JVMs side by side, this JVM's databases. */
  private static final String CHECKOUT_SUFFIX =
      "_"
          + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode())
          + (System.getProperty("it.fork", "").isBlank()
              ? ""
              : "_" + System.getProperty("it.fork"));

  private TestPostgres() {}

  /** The server the tests use, as {@code host:port user}: what the IT_POSTGRES_* variables say. */
  public static String server() {
    return HOST + ":" + PORT + " " + USER + (PASSWORD.isEmpty() ? "" : " with a password");
  }

  /**
   * Drops and creates the database named {@code name} plus this checkout's suffix; returns its JDBC
   * URL.
   */
  public static String freshDatabase(String name) {
    name = name + CHECKOUT_SUFFIX;
    try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
      return url(name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is needed at "
              + HOST
              + ":"
              + PORT
              + " for this test "
              + "(.ci/run starts it; locally: pg_ctlcluster <version> main start)",
          e);
    }
  }

  /**
   * Points the application at a fresh database named {@code name} (plus this checkout's suffix).
   */
  public static void useFreshDatabase(DynamicPropertyRegistry registry, String name) {
    String url = freshDatabase(name);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  /**
   * Points the application at a fresh database {@code offboarding_journey_it} (plus this checkout's
   * suffix) when its context starts ({@link OnPostgres}). An initializer rather than a
   * {@code @DynamicPropertySource} method: those are part of the context's cache key, so each class
   * declaring one would start an application of its own.
   */
  public static final class JourneyDatabase
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.datasource.url=" + freshDatabase("offboarding_journey_it"),
              "spring.datasource.username=" + USER,
              "spring.datasource.password=" + PASSWORD)
          .applyTo(context);
    }
  }

  private static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
