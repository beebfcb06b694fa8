package com.ingrammicro.masterpayer.journey;

import com.ingrammicro.masterpayer.support.OnH2;

/** The visibility scenarios on the embedded default database, H2. */
@OnH2
class H2VisibilityIT extends VisibilityScenarios {}
