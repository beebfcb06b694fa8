package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnH2;

/** The request rules on the embedded default database, H2. */
@OnH2
class H2RequestRulesIT extends RequestRulesScenarios {}
