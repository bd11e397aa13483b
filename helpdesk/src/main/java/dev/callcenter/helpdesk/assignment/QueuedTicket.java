package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * An open ticket without an assignee, waiting in its team's queue.
 *
 * @param vip the customer's effective tier is VIP (such tickets are drained first)
 * @param assignmentReason why it waits, as the assigner last recorded it; null if it never looked
 */
public record QueuedTicket(
    long id,
    String title,
    TicketStatus status,
    Priority priority,
    long customerId,
    String customerName,
    boolean vip,
    List<String> requiredSkills,
    String assignmentReason,
    Instant createdAt) {

  public QueuedTicket {
    requiredSkills = List.copyOf(requiredSkills);
  }
}
