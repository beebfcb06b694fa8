package com.ingrammicro.masterpayer.process;

import org.springframework.stereotype.Component;

/**
 * The retry cycles of {@link RetryProperties} for the diagram's {@code
 * camunda:failedJobRetryTimeCycle}.
 *
 * <p>Public because the diagram's expressions call it by reflection, which needs a public class.
 */
@Component("retries")
public class Retries {

  private final RetryProperties properties;

  Retries(RetryProperties properties) {
    this.properties = properties;
  }

  public String getMail() {
    return properties.mail();
  }

  public String getWork() {
    return properties.work();
  }
}
