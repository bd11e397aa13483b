package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * A team member as the assigner sees them at the moment of a decision.
 *
 * @param openTickets tickets assigned to them that are not resolved or closed (their load)
 * @param capacity the most open tickets they should hold; at capacity they get no more
 * @param lastAssignedAt when they last received a ticket from the assigner (null: never), for round
 *     robin among equally loaded members
 */
public record Candidate(
    long userId,
    String username,
    Set<String> skills,
    boolean present,
    int openTickets,
    int capacity,
    Instant lastAssignedAt) {

  public Candidate {
    skills = Set.copyOf(skills);
  }
}
