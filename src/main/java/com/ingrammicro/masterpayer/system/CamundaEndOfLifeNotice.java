package com.ingrammicro.masterpayer.system;

import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.telemetry.Product;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells operators, once at every start, that the engine is a Camunda 7 Community Edition, which has
 * had its last release and gets no more fixes, security fixes included. The webapps' own
 * end-of-life banner is hidden for staff's daily work and shown only in Admin (the webapps' {@code
 * user-styles.css}), so the log says it too, with the version the engine reports and where {@code
 * docs/camunda-ce.md} explains what it means and what the options are. An Enterprise Edition
 * engine, which Camunda still patches, is not warned about.
 */
@Component
class CamundaEndOfLifeNotice {

  static final String COMMUNITY_EDITION = "community";

  private static final Logger log = LoggerFactory.getLogger(CamundaEndOfLifeNotice.class);

  private final ManagementService managementService;

  CamundaEndOfLifeNotice(ManagementService managementService) {
    this.managementService = managementService;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    notice(managementService.getTelemetryData().getProduct()).ifPresent(log::warn);
  }

  /** The warning for the engine the product describes, or none for an edition Camunda patches. */
  static Optional<String> notice(Product product) {
    if (!COMMUNITY_EDITION.equalsIgnoreCase(product.getEdition())) {
      return Optional.empty();
    }
    return Optional.of(
        "Camunda "
            + product.getVersion()
            + " Community Edition: Camunda 7 CE reached its end of life in October 2025 (7.24 was"
            + " its last release); Camunda publishes no further CE releases, security fixes"
            + " included. What that means for operators and the options:"
            + " docs/camunda-ce.md. The webapps show Camunda's end-of-life banner in Admin only.");
  }
}
