/**
 * What auditors need on top of Camunda's history: the audit search over offboardings, each
 * offboarding's trail (one ordered timeline that its {@code TrailSource}s assemble from the
 * engine's history and the other modules' records, the payer registry's among them), CSV and
 * evidence-bundle exports, the audit page and the auditors' read-only engine access. A read model:
 * it reads the engine's history and the other modules through their published queries, and never
 * writes the application's tables or the history.
 */
@ApplicationModule(
    allowedDependencies = {
      "offboarding",
      "registry",
      "cta",
      "cleanup",
      "notification",
      "process",
      "system"
    })
package com.ingrammicro.masterpayer.audit;

import org.springframework.modulith.ApplicationModule;
