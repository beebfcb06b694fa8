/**
 * The server-side rules of the human tasks: which outcome each task accepts ({@code
 * TaskOutcomeRules}), who may be assigned, and the task's name from the offboarding record.
 * Internal to the process module.
 */
package com.ingrammicro.masterpayer.process.humantask;
