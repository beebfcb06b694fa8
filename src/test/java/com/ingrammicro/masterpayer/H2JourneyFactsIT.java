package com.ingrammicro.masterpayer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The journey-facts scenarios on H2, in the same application context as {@link H2JourneyIT}. */
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:journey-it;DB_CLOSE_DELAY=-1")
class H2JourneyFactsIT extends JourneyFactsScenarios {}
