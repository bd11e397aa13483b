package dev.callcenter.helpdesk.usecase;

import dev.callcenter.helpdesk.assignment.AssignmentService;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Opens a ticket and, when it has a team and no assignee, assigns it at once: the one way every
 * entry point (HTTP, IVR, import, dispatch) opens tickets, so none of them skips the assignment.
 */
public final class OpenTicket {

  private static final Logger log = LoggerFactory.getLogger(OpenTicket.class);

  private final TicketService tickets;
  private final AssignmentService assignment;

  public OpenTicket(TicketService tickets, AssignmentService assignment) {
    this.tickets = tickets;
    this.assignment = assignment;
  }

  /**
   * The ticket as it is after the assignment. Opening and assigning are two transactions: if the
   * assignment fails the ticket stays open in its team queue for the next drain, and the caller
   * still gets the ticket (the failure is logged, not thrown).
   *
   * @param actorId the user opening it, null when the system does (e.g. the IVR)
   */
  public Ticket open(TicketDraft draft, Long actorId) {
    Ticket created = tickets.create(draft, actorId);
    if (created.team() == null || created.assigneeId() != null) {
      return created;
    }
    try (var ignored = MDC.putCloseable("ticketId", Long.toString(created.id()))) {
      assignment.assign(created.id(), actorId);
    } catch (RuntimeException e) {
      log.warn(
          "Ticket {} opened but not assigned ({}); it waits in team {} for the next drain",
          created.id(),
          e.toString(),
          created.team());
      return created;
    }
    return tickets.get(created.id());
  }
}
