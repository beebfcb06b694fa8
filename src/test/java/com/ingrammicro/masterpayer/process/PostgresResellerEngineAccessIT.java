package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.support.TestPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reseller-access scenarios on PostgreSQL, in a database created for the run. */
@ActiveProfiles({"local", "postgres", "it"})
class PostgresResellerEngineAccessIT extends ResellerEngineAccessScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestPostgres.useFreshDatabase(registry, "offboarding_reseller_access_it");
  }
}
