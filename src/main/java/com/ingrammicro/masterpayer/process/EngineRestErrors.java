package com.ingrammicro.masterpayer.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link EngineRefusalMapper} to every Jersey application of the server: Spring Boot's
 * engine-rest ({@code /engine-rest}) and the JAX-RS applications that Camunda's webapp starter
 * registers itself as plain servlets ({@code /camunda/api/engine}, Cockpit's, Tasklist's, Admin's),
 * which no Spring customizer reaches. Jersey finds it through {@code META-INF/services}, so it is
 * public and has a public constructor.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class EngineRestErrors implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineRefusalMapper.OnEngineException.class)) {
      context.register(EngineRefusalMapper.OnRestException.class);
      context.register(EngineRefusalMapper.OnEngineException.class);
      context.register(EngineRefusalMapper.OnMissingField.class);
    }
  }
}
