package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The request rules on PostgreSQL, the production database. */
@OnPostgres
class PostgresRequestRulesIT extends RequestRulesScenarios {}
