/** Cross-cutting configuration: security against Camunda's identities, problem details, bootstrap of groups and demo users. */
package com.ingrammicro.masterpayer.system;
