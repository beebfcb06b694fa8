package com.ingrammicro.masterpayer.process;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The reseller-access scenarios on H2, in a database of their own. */
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:reseller-engine-access-it;DB_CLOSE_DELAY=-1")
class H2ResellerEngineAccessIT extends ResellerEngineAccessScenarios {}
