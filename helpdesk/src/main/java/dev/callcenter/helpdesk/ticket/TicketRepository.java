package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of tickets, their comments and their links to interactions. */
public interface TicketRepository {

  /**
   * Inserts a NEW ticket with its SLA terms and the initial schedule of its clocks (the monitor's
   * next check is the earliest point) together with its CREATED audit entry, atomically, and
   * returns the stored row.
   */
  Ticket insert(
      TicketDraft draft, SlaTerms terms, SlaSchedule schedule, Long createdBy, Instant now);

  Optional<Ticket> find(long id);

  /** Finds and locks the ticket until the surrounding transaction ends. */
  Optional<Ticket> findForUpdate(long id);

  List<Ticket> findAll(Collection<Long> ids);

  /**
   * Replaces the editable fields and bumps the version. A changed assignee clears the assignment
   * reason: the assigner's explanation no longer applies to a choice made by hand.
   *
   * @return false when the row does not exist or its version is not {@code expectedVersion}
   */
  boolean update(long id, TicketUpdate update, Instant now, Integer expectedVersion);

  /**
   * Sets the assignee and the reason the assigner gives for it (or for leaving the ticket waiting
   * without one), and bumps the version.
   */
  void updateAssignment(long id, Long assigneeId, String reason, Instant now);

  /**
   * Stores a new assignment reason alone; the version stays, so an agent's edit in progress is not
   * made stale by the assigner re-explaining why a ticket still waits.
   */
  void updateAssignmentReason(long id, String reason);

  /** Writes the status with its instants and resolution, and bumps the version. */
  void updateLifecycle(long id, Lifecycle lifecycle, Instant now);

  /** Records the first response if there was none yet; false if there was. */
  boolean recordFirstResponse(long id, Instant at);

  List<TicketSummary> list(TicketQuery query, Instant now);

  /** The customer's tickets that are not resolved or closed, newest first. */
  List<TicketSummary> openForCustomer(long customerId, int limit);

  long insertComment(long ticketId, CommentDraft draft, Long authorId, Instant now);

  Optional<Comment> findComment(long id);

  /** A ticket's comments, oldest first. */
  List<Comment> comments(long ticketId);

  /** Links the interaction to the ticket; false if it already was. */
  boolean linkInteraction(long ticketId, long interactionId, Instant now);

  /** Ids of the interactions linked to the ticket, oldest link first. */
  List<Long> interactionIds(long ticketId);
}
