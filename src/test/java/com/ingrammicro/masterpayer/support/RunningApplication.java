package com.ingrammicro.masterpayer.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with a real SMTP server, and a client that drives it as
 * its users do: the base of the scenario tests that run end to end over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningApplication {

  protected static final TestSmtp SMTP = new TestSmtp().start();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    SMTP.registerWith(registry);
  }

  @LocalServerPort
  protected int port;
  @Autowired
  protected RuntimeService runtimeService;
  @Autowired
  protected ManagementService managementService;

  protected Api api;
  protected Journeys journeys;

  @BeforeEach
  void client() {
    api = new Api(port);
    journeys = new Journeys(api, runtimeService, managementService);
  }
}
