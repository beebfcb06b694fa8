package com.ingrammicro.masterpayer.clients;

import com.ingrammicro.masterpayer.support.OnH2;

/** Resellers' API clients and their tokens on the embedded default database, H2. */
@OnH2
class H2ApiClientIT extends ApiClientScenarios {}
