/**
 * BPMN glue for {@code bpmn/offboarding.bpmn}: the process's ids and typed variables, its delegates
 * and listeners, the server-side rules of its human tasks, and the engine side of the other modules' ports.
 */
package com.ingrammicro.masterpayer.process;
