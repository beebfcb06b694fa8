package com.ingrammicro.masterpayer.audit;

import com.ingrammicro.masterpayer.support.TestPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The audit scenarios on PostgreSQL, in a database created for the run. */
@ActiveProfiles({"local", "postgres", "it"})
class PostgresAuditIT extends AuditScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestPostgres.useFreshDatabase(registry, "offboarding_audit_it");
  }
}
