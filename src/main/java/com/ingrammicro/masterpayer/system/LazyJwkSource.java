package com.ingrammicro.masterpayer.system;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * The signing key, read (or generated) on first use rather than while the application context
 * starts, once the database is migrated and reachable.
 */
final class LazyJwkSource implements JWKSource<SecurityContext> {

  private final Supplier<JWKSource<SecurityContext>> loader;
  private volatile JWKSource<SecurityContext> loaded;

  LazyJwkSource(Supplier<JWKSource<SecurityContext>> loader) {
    this.loader = loader;
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    JWKSource<SecurityContext> source = loaded;
    if (source == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = loader.get();
        }
        source = loaded;
      }
    }
    return source.get(selector, context);
  }
}
