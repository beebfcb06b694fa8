package com.ingrammicro.masterpayer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Master Payer Offboarding Engine: a Camunda 7 process application that runs the unlinking of
 * an AWS Master Payer account from the Ingram Micro distribution relationship.
 *
 * <p>Spring Boot's authorization server configuration is left out: it would generate a signing key
 * of its own on every node even where the embedded server is off; the application configures the
 * server itself (system module, AuthorizationServerConfiguration).
 */
@SpringBootApplication(
    exclude = {
      OAuth2AuthorizationServerAutoConfiguration.class,
      OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
@ConfigurationPropertiesScan
public class MasterPayerOffboardingApplication {

  public static void main(String[] args) {
    SpringApplication.run(MasterPayerOffboardingApplication.class, args);
  }
}
