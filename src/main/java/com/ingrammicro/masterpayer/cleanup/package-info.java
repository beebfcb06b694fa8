/**
 * Removal of the distributor's access from the payer account: a cross-account session (STS
 * AssumeRole with a per-offboarding ExternalId), IAM discovery and removal, verification, and their
 * evidence.
 */
@ApplicationModule(allowedDependencies = {"offboarding", "system"})
package com.ingrammicro.masterpayer.cleanup;

import org.springframework.modulith.ApplicationModule;
