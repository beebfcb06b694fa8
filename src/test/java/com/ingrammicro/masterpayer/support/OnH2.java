package com.ingrammicro.masterpayer.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link RunningApplication} test on the embedded default database, H2. Every class so annotated
 * has the same configuration, so Spring's context cache starts the application once for all of
 * them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:journey-it;DB_CLOSE_DELAY=-1")
public @interface OnH2 {}
