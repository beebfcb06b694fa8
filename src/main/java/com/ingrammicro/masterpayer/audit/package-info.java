/**
 * What auditors need on top of Camunda's history: the audit search over offboardings, each
 * offboarding's trail (one ordered timeline from the engine's history and the application's
 * records), CSV and evidence-bundle exports, the audit page and the auditors' read-only engine access.
 * A read model: it reads the application's tables and the engine's history and never writes either.
 */
package com.ingrammicro.masterpayer.audit;
