package com.ingrammicro.masterpayer.cleanup;

/**
 * A plan as the journey carries it to the approval: the plan, its round and the SHA-256 of its
 * canonical text, and whether a person must approve it ({@code offboarding.cleanup.plan-approval:
 * required}) or the configuration already did ({@code automatic}, recorded as approved by {@link
 * PlanRound#ENGINE}).
 *
 * @param history the earlier rounds and what became of them, for the approver; one line each
 */
public record PlannedRemoval(
    AccessRemovalPlan plan, int round, String sha256, boolean approvalRequired, String history) {}
