package com.ingrammicro.masterpayer;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The journey scenarios on the embedded default database, H2. */
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:journey-it;DB_CLOSE_DELAY=-1")
class H2JourneyIT extends JourneyScenarios {}
