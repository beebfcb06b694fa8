/**
 * The offboarding request: the reseller API, the application's record of each offboarding and its
 * repository.
 */
@ApplicationModule(allowedDependencies = {"registry", "system"})
package com.ingrammicro.masterpayer.offboarding;

import org.springframework.modulith.ApplicationModule;
