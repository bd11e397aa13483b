package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.ticket.Ticket;

/** What the assigner did with one ticket, with the ticket as stored afterwards. */
public sealed interface AssignmentOutcome {

  Ticket ticket();

  /** Why, in words a person reads; for Assigned and Queued also stored on the ticket. */
  String reason();

  /** The ticket went to this member. */
  record Assigned(Ticket ticket, long userId, String username, String reason)
      implements AssignmentOutcome {}

  /** Nobody suitable could take it: it waits without an assignee in its team's queue. */
  record Queued(Ticket ticket, String reason) implements AssignmentOutcome {}

  /**
   * The assigner left the ticket as it was (already assigned, resolved, without a team, …); nothing
   * was written.
   */
  record Unchanged(Ticket ticket, String reason) implements AssignmentOutcome {}
}
