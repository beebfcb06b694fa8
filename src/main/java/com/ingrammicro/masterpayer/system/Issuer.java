package com.ingrammicro.masterpayer.system;

import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The issuer of the application's own tokens ({@code offboarding.security.issuer}), which is also
 * the address staff's browsers reach the application at. When it is not configured, it is {@code
 * http://localhost:<the port the application listens on>}, so the embedded default works on any
 * port.
 */
@Component
public class Issuer {

  private final URI configured;
  private volatile int port = 8080;

  Issuer(AccessProperties properties) {
    this.configured = properties.issuer();
  }

  @EventListener
  void listening(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  /** The issuer URL, without a trailing slash. */
  public String url() {
    String url = configured == null ? "http://localhost:" + port : configured.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
