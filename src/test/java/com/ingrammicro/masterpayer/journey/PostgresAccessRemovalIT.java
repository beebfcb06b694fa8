package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The access-removal scenarios on PostgreSQL, the production database. */
@OnPostgres
class PostgresAccessRemovalIT extends AccessRemovalScenarios {}
