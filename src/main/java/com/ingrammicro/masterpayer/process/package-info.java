/**
 * BPMN glue for {@code bpmn/offboarding.bpmn}: the process's ids and typed variables ({@code
 * OffboardingProcess}), its delegates and listeners, and the engine side of the other modules'
 * ports. Internal sub-packages: {@code deadline} (due dates, reminders, escalations), {@code
 * humantask} (the human tasks' rules) and {@code tasklist} (Tasklist's filters and grants).
 */
@ApplicationModule(
    allowedDependencies = {"offboarding", "registry", "cta", "cleanup", "notification", "system"})
package com.ingrammicro.masterpayer.process;

import org.springframework.modulith.ApplicationModule;
