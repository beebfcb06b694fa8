/**
 * The payer registry: which reseller each payer account belongs to, maintained by administrators
 * (one by one or by CSV import), with every change on record. The offboarding module asks it
 * whether a payer account is registered to the caller's reseller before it starts an offboarding.
 */
@ApplicationModule(allowedDependencies = {"system"})
package com.ingrammicro.masterpayer.registry;

import org.springframework.modulith.ApplicationModule;
