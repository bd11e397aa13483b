package dev.callcenter.helpdesk.assignment;

/**
 * What one drain of a team's queue did.
 *
 * @param assigned tickets that went to a member
 * @param waiting tickets still in the queue afterwards (of those the drain looked at)
 */
public record DrainResult(String team, int assigned, int waiting) {}
