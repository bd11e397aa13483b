package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionRepository;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Use cases on tickets other than status changes: open, edit, comment, link interactions, read. */
public final class TicketService {

  private static final Logger log = LoggerFactory.getLogger(TicketService.class);
  private static final int MAX_OPEN_FOR_CUSTOMER = 50;

  private final Transactions tx;
  private final TicketRepository tickets;
  private final TicketAuditRepository audit;
  private final TicketClocks clocks;
  private final CustomerRepository customers;
  private final UserRepository users;
  private final InteractionRepository interactions;
  private final Clock clock;

  public TicketService(
      Transactions tx,
      TicketRepository tickets,
      TicketAuditRepository audit,
      TicketClocks clocks,
      CustomerRepository customers,
      UserRepository users,
      InteractionRepository interactions,
      Clock clock) {
    this.tx = tx;
    this.tickets = tickets;
    this.audit = audit;
    this.clocks = clocks;
    this.customers = customers;
    this.users = users;
    this.interactions = interactions;
    this.clock = clock;
  }

  /**
   * Opens a NEW ticket with the SLA terms of the policy matching its type, priority and the
   * customer's tier.
   *
   * @param actorId the user opening it, null when the system does (e.g. the IVR)
   */
  public Ticket create(TicketDraft draft, Long actorId) {
    Tier tier =
        customers
            .tierOf(draft.customerId())
            .orElseThrow(
                () ->
                    new ValidationException(
                        "customerId", "customer " + draft.customerId() + " does not exist"));
    checkAssignee(draft.assigneeId());
    Instant now = clock.instant();
    TicketClocks.Start start = clocks.start(draft.type(), draft.priority(), tier, now);
    // A new ticket has no pauses, so its schedule is known before the insert, and the insert
    // writes the row, its due times and the CREATED audit entry in one atomic statement: no
    // explicit transaction, no re-read, no update (this is the busiest write of the system).
    Ticket ticket = tickets.insert(draft, start.terms(), start.schedule(), actorId, now);
    log.debug(
        "Ticket {} opened for customer {} by user {} with SLA policy {}",
        ticket.id(),
        draft.customerId(),
        actorId,
        start.policyId());
    return ticket;
  }

  /**
   * Replaces the editable fields, recording each changed field in the audit trail. SLA targets stay
   * as they were set at creation.
   */
  public Ticket update(long id, TicketUpdate update, Long actorId) {
    return tx.inTransaction(
        () -> {
          Ticket current = tickets.findForUpdate(id).orElseThrow(() -> TicketErrors.notFound(id));
          TicketErrors.checkVersion(current, update.version());
          TicketFields.requirePromiseForComplaint(current.type(), update.promisedBy());
          if (!Objects.equals(current.assigneeId(), update.assigneeId())) {
            checkAssignee(update.assigneeId());
          }
          List<AuditChange> changes = TicketDiff.between(current, update);
          if (changes.isEmpty()) {
            return current;
          }
          Instant now = clock.instant();
          if (!tickets.update(id, update, now, update.version())) {
            throw TicketErrors.stale(id, update.version());
          }
          audit.append(id, actorId, now, changes);
          return get(id);
        });
  }

  /**
   * Records what the assigner decided: sets or clears the assignee and stores the reason, writing
   * each changed one (ASSIGNEE old → new, ASSIGNMENT_REASON) to the audit trail with the actor.
   * Nothing is written when neither changes. Called inside the assigner's transaction, whose locks
   * it joins; the version is bumped only when the assignee changes.
   *
   * @param assigneeId the new assignee, null to leave the ticket waiting in its team queue
   * @param reason why, in words a person reads on the ticket
   * @param actorId who triggered the assignment, null for the system
   */
  public Ticket applyAssignment(long ticketId, Long assigneeId, String reason, Long actorId) {
    String why = Fields.required("reason", reason, TicketFields.MAX_TEXT);
    return tx.inTransaction(
        () -> {
          Ticket current =
              tickets.findForUpdate(ticketId).orElseThrow(() -> TicketErrors.notFound(ticketId));
          boolean newAssignee = !Objects.equals(current.assigneeId(), assigneeId);
          boolean newReason = !why.equals(current.assignmentReason());
          if (!newAssignee && !newReason) {
            return current;
          }
          Instant now = clock.instant();
          List<AuditChange> changes = new ArrayList<>();
          if (newAssignee) {
            checkAssignee(assigneeId);
            tickets.updateAssignment(ticketId, assigneeId, why, now);
            changes.add(
                new AuditChange(
                    AuditField.ASSIGNEE,
                    TicketDiff.text(current.assigneeId()),
                    TicketDiff.text(assigneeId)));
          } else {
            tickets.updateAssignmentReason(ticketId, why);
          }
          if (newReason) {
            changes.add(
                new AuditChange(AuditField.ASSIGNMENT_REASON, current.assignmentReason(), why));
          }
          audit.append(ticketId, actorId, now, changes);
          log.debug(
              "Ticket {} assignee {} -> {} by user {}: {}",
              ticketId,
              current.assigneeId(),
              assigneeId,
              actorId,
              why);
          return get(ticketId);
        });
  }

  /**
   * Adds a comment. The first PUBLIC comment by a user (not the system) is the ticket's first
   * response and stops that SLA clock.
   */
  public Comment comment(long ticketId, CommentDraft draft, Long authorId) {
    return tx.inTransaction(
        () -> {
          Ticket ticket =
              tickets.findForUpdate(ticketId).orElseThrow(() -> TicketErrors.notFound(ticketId));
          Instant now = clock.instant();
          long commentId = tickets.insertComment(ticketId, draft, authorId, now);
          audit.append(
              ticketId,
              authorId,
              now,
              List.of(
                  new AuditChange(
                      AuditField.COMMENT, null, draft.visibility() + " comment " + commentId)));
          boolean firstResponse =
              draft.visibility() == CommentVisibility.PUBLIC
                  && authorId != null
                  && ticket.firstResponseAt() == null;
          if (firstResponse && tickets.recordFirstResponse(ticketId, now)) {
            clocks.refresh(ticketId, now);
          }
          return tickets.findComment(commentId).orElseThrow();
        });
  }

  /** Links a recorded interaction (e.g. the call) to the ticket; linking twice changes nothing. */
  public void linkInteraction(long ticketId, long interactionId, Long actorId) {
    tx.run(
        () -> {
          Ticket ticket =
              tickets.findForUpdate(ticketId).orElseThrow(() -> TicketErrors.notFound(ticketId));
          Interaction interaction =
              interactions
                  .find(interactionId)
                  .orElseThrow(
                      () ->
                          new ValidationException(
                              "interactionId", "interaction " + interactionId + " does not exist"));
          if (interaction.customerId() != null && interaction.customerId() != ticket.customerId()) {
            throw new ValidationException(
                "interactionId",
                "interaction "
                    + interactionId
                    + " belongs to customer "
                    + interaction.customerId()
                    + ", not to the ticket's customer "
                    + ticket.customerId());
          }
          Instant now = clock.instant();
          if (tickets.linkInteraction(ticketId, interactionId, now)) {
            audit.append(
                ticketId,
                actorId,
                now,
                List.of(
                    new AuditChange(AuditField.INTERACTION, null, String.valueOf(interactionId))));
          }
        });
  }

  public Ticket get(long id) {
    return tickets.find(id).orElseThrow(() -> TicketErrors.notFound(id));
  }

  /** One page of tickets matching the filters, newest first. */
  public List<TicketSummary> list(TicketQuery query) {
    return tickets.list(query, clock.instant());
  }

  /** The customer's tickets that are not resolved or closed, newest first (for the screen pop). */
  public List<TicketSummary> openForCustomer(long customerId) {
    return tickets.openForCustomer(customerId, MAX_OPEN_FOR_CUSTOMER);
  }

  /**
   * The customer's tickets, newest first: the open ones, or all of them (at most 200); an unknown
   * customer is not found rather than a customer without tickets.
   */
  public List<TicketSummary> forCustomer(long customerId, boolean openOnly) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    return openOnly
        ? openForCustomer(customerId)
        : list(TicketQuery.all(200, 0).withCustomer(customerId));
  }

  /** The ticket's comments, oldest first. */
  public List<Comment> comments(long ticketId) {
    get(ticketId);
    return tickets.comments(ticketId);
  }

  /** Who changed what on the ticket, oldest first. */
  public List<AuditEntry> audit(long ticketId) {
    get(ticketId);
    return audit.forTicket(ticketId);
  }

  /** Ids of the interactions linked to the ticket. */
  public List<Long> interactionIds(long ticketId) {
    get(ticketId);
    return tickets.interactionIds(ticketId);
  }

  private void checkAssignee(Long assigneeId) {
    if (assigneeId == null) {
      return;
    }
    User user =
        users
            .find(assigneeId)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "assigneeId", "user " + assigneeId + " does not exist"));
    if (!user.active()) {
      throw new ValidationException(
          "assigneeId", "user " + user.username() + " is deactivated; pick an active user");
    }
  }
}
