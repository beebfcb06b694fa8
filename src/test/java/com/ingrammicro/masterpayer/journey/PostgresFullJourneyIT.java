package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The full journey on PostgreSQL, the production database. */
@OnPostgres
class PostgresFullJourneyIT extends FullJourneyScenarios {}
