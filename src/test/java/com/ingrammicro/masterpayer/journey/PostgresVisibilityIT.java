package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The visibility scenarios on PostgreSQL, the production database. */
@OnPostgres
class PostgresVisibilityIT extends VisibilityScenarios {}
