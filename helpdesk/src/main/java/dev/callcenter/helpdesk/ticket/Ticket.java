package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import java.time.Instant;
import java.util.List;

/**
 * A stored ticket.
 *
 * @param resolution what was done, while RESOLVED or CLOSED
 * @param firstResponseAt the first public agent reply (or the resolution, if that came first)
 * @param resolvedAt when it was resolved, while RESOLVED or CLOSED
 * @param closedAt when it was closed, while CLOSED
 * @param firstResponseDueAt when the running first-response clock is due; null once stopped
 * @param resolutionDueAt when the running resolution clock is due; null once stopped or while
 *     paused
 * @param createdBy the user who opened it, null when the system did
 * @param requiredSkills skills its assignee must have, sorted
 * @param assignmentReason why the assigner gave it to its assignee or left it waiting in the team
 *     queue; null before the assigner looked at it and after an assignee was set by hand
 */
public record Ticket(
    long id,
    TicketType type,
    TicketStatus status,
    String title,
    String description,
    Priority priority,
    long customerId,
    Long assigneeId,
    String team,
    List<String> tags,
    List<String> requiredSkills,
    String assignmentReason,
    TicketSource source,
    String pbxLinkedid,
    String product,
    String productVersion,
    Instant promisedBy,
    String resolution,
    SlaTerms slaTerms,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt,
    Instant firstResponseDueAt,
    Instant resolutionDueAt,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  public Ticket {
    tags = List.copyOf(tags);
    requiredSkills = List.copyOf(requiredSkills);
  }

  public Lifecycle lifecycle() {
    return new Lifecycle(status, resolution, firstResponseAt, resolvedAt, closedAt);
  }

  public TicketSummary summary() {
    return new TicketSummary(
        id,
        type,
        status,
        priority,
        title,
        customerId,
        assigneeId,
        team,
        createdAt,
        updatedAt,
        firstResponseDueAt,
        resolutionDueAt);
  }
}
