/**
 * Tasklist's set-up at start: each group's filters and the engine grants the task-working groups
 * need. Internal to the process module.
 */
package com.ingrammicro.masterpayer.process.tasklist;
