package dev.callcenter.helpdesk.ticket;

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
