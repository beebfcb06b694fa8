/**
 * Cross-cutting configuration: security against Camunda's identities, problem details, bootstrap of
 * groups and demo users.
 */
@ApplicationModule(allowedDependencies = {})
package com.ingrammicro.masterpayer.system;

import org.springframework.modulith.ApplicationModule;
