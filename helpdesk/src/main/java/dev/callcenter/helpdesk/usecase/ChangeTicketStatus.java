package dev.callcenter.helpdesk.usecase;

import dev.callcenter.helpdesk.assignment.AssignmentService;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Moves a ticket to another status and, when it is resolved or closed, gives its assignee's and its
 * team's queues the room it freed: the one way every entry point changes a ticket's status.
 */
public final class ChangeTicketStatus {

  private static final Logger log = LoggerFactory.getLogger(ChangeTicketStatus.class);

  private final TicketWorkflow workflow;
  private final AssignmentService assignment;

  public ChangeTicketStatus(TicketWorkflow workflow, AssignmentService assignment) {
    this.workflow = workflow;
    this.assignment = assignment;
  }

  /**
   * The ticket after the change. Releasing capacity is a second transaction; if it fails the change
   * stands and the periodic drain hands the waiting tickets out later.
   */
  public Ticket change(long ticketId, StatusChange change, Long actorId) {
    try (var ignored = MDC.putCloseable("ticketId", Long.toString(ticketId))) {
      Ticket changed = workflow.changeStatus(ticketId, change, actorId);
      if (changed.status() == TicketStatus.RESOLVED || changed.status() == TicketStatus.CLOSED) {
        try {
          assignment.releaseCapacity(ticketId, actorId);
        } catch (RuntimeException e) {
          log.warn(
              "Ticket {} is {} but its queues were not drained ({}); the next drain does it",
              ticketId,
              changed.status(),
              e.toString());
        }
      }
      return changed;
    }
  }
}
