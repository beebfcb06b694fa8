package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.support.OnPostgres;

/** Resellers' API clients and their tokens on PostgreSQL. */
@OnPostgres
class PostgresApiClientIT extends ApiClientScenarios {}
