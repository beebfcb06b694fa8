package com.ingrammicro.masterpayer.audit;

/**
 * What the sources of one trail read: the offboarding's record and its process instance's history.
 */
record TrailSubject(AuditedOffboarding offboarding, EngineHistory history) {}
