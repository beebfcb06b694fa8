package com.ingrammicro.masterpayer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The journey-facts scenarios on H2, in a database of their own. Not in {@link H2JourneyIT}'s: a
 * reused context whose engine "default" another context has since replaced in Camunda's static
 * registry would send its engine-rest calls to that other engine.
 */
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:journey-facts-it;DB_CLOSE_DELAY=-1")
class H2JourneyFactsIT extends JourneyFactsScenarios {}
