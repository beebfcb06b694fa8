package com.ingrammicro.masterpayer.audit;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The audit scenarios on the embedded default database, H2. */
@ActiveProfiles({"local", "it"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:audit-it;DB_CLOSE_DELAY=-1")
class H2AuditIT extends AuditScenarios {}
