package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnH2;

/** The full journey on the embedded default database, H2. */
@OnH2
class H2FullJourneyIT extends FullJourneyScenarios {}
