package com.ingrammicro.masterpayer.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@link RunningApplication} test on PostgreSQL, the production database, in a database created
 * for the run ({@link TestPostgres.JourneyDatabase}). Every class so annotated has the same
 * configuration, so Spring's context cache starts the application once for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ActiveProfiles({"local", "postgres", "it"})
@ContextConfiguration(initializers = TestPostgres.JourneyDatabase.class)
public @interface OnPostgres {}
