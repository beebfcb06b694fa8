package com.ingrammicro.masterpayer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Master Payer Offboarding Engine: a Camunda 7 process application that runs the unlinking of
 * an AWS Master Payer account from the Ingram Micro distribution relationship.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MasterPayerOffboardingApplication {

  public static void main(String[] args) {
    SpringApplication.run(MasterPayerOffboardingApplication.class, args);
  }
}
