package com.ingrammicro.masterpayer;

import com.ingrammicro.masterpayer.support.TestPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The journey-facts scenarios on PostgreSQL, in a database created for the run. */
@ActiveProfiles({"local", "postgres", "it"})
class PostgresJourneyFactsIT extends JourneyFactsScenarios {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestPostgres.useFreshDatabase(registry, "offboarding_journey_facts_it");
  }
}
