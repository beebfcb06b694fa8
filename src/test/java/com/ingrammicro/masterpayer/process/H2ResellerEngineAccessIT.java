package com.ingrammicro.masterpayer.process;

import com.ingrammicro.masterpayer.support.OnH2;

/** The reseller-access scenarios on the embedded default database, H2. */
@OnH2
class H2ResellerEngineAccessIT extends ResellerEngineAccessScenarios {}
