package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The reseller-access scenarios on PostgreSQL, the production database. */
@OnPostgres
class PostgresResellerEngineAccessIT extends ResellerEngineAccessScenarios {}
