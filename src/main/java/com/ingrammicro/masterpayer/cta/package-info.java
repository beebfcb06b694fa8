/**
 * The Consent to Assignment: the document issued to the reseller, the signed copy it returns, and
 * their evidence (SHA-256).
 */
@ApplicationModule(allowedDependencies = {"offboarding", "system"})
package com.ingrammicro.masterpayer.cta;

import org.springframework.modulith.ApplicationModule;
