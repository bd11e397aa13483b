package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.List;

/**
 * A member of a team with their current load.
 *
 * @param capacity the membership's own capacity, null when it follows the team default
 * @param effectiveCapacity the capacity the assigner uses
 * @param present whether the person is at work and may receive tickets (the same in every team)
 * @param lastAssignedAt when the assigner last gave them a ticket of this team, null if never
 * @param openTickets their tickets in NEW, OPEN or PENDING_CUSTOMER, in any team (their load)
 */
public record TeamMember(
    String teamKey,
    long userId,
    String username,
    String displayName,
    List<String> skills,
    Integer capacity,
    int effectiveCapacity,
    boolean present,
    Instant lastAssignedAt,
    int openTickets) {

  public TeamMember {
    skills = List.copyOf(skills);
  }
}
