package com.ingrammicro.masterpayer.registry;

import com.ingrammicro.masterpayer.support.OnH2;

/** The payer registry on the embedded default database, H2. */
@OnH2
class H2PayerRegistryIT extends PayerRegistryScenarios {}
