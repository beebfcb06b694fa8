package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** The payer registry on PostgreSQL, the production database. */
@OnPostgres
class PostgresPayerRegistryIT extends PayerRegistryScenarios {}
