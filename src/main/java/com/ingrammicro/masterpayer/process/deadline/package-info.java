/**
 * The journey's deadlines: each human task's due date, reminder and escalation timers from {@code
 * offboarding.sla}, the CTA's expiry and the payment re-check delay. Internal to the process
 * module.
 */
package com.ingrammicro.masterpayer.process.deadline;
