/** A module that declares it depends on nothing, and then uses the ledger. */
@ApplicationModule(allowedDependencies = {})
package com.ingrammicro.modularityfixture.payments;

import org.springframework.modulith.ApplicationModule;
