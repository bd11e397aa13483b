package dev.callcenter.helpdesk.followup;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ForbiddenException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.assignment.TeamRepository;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases on follow-ups (跟催): create, list what is overdue, complete, cancel, reschedule.
 *
 * <p>People reach follow-ups through a {@link FollowUpScope}: agents read and change their own and
 * those shared with one of their teams, supervisors and admins all. A follow-up outside a person's
 * scope is reported as not found, so its existence is not revealed; lists of someone else's or of
 * another team's follow-ups are refused.
 */
public final class FollowUpService {

  /** The most follow-ups one list returns; the oldest due come first, so none overdue is hidden. */
  public static final int MAX_LIST = 500;

  private static final Logger log = LoggerFactory.getLogger(FollowUpService.class);

  private final FollowUpRepository followUps;
  private final CustomerRepository customers;
  private final UserRepository users;
  private final TeamRepository teams;
  private final InteractionService interactions;
  private final Transactions transactions;
  private final Clock clock;

  public FollowUpService(
      FollowUpRepository followUps,
      CustomerRepository customers,
      UserRepository users,
      TeamRepository teams,
      InteractionService interactions,
      Transactions transactions,
      Clock clock) {
    this.followUps = followUps;
    this.customers = customers;
    this.users = users;
    this.teams = teams;
    this.interactions = interactions;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Creates an open follow-up. The owner must be an active user, and the customer and the ticket,
   * when given, must exist.
   *
   * @param createdBy the user creating it, null when the system creates it
   */
  public FollowUp create(FollowUpDraft draft, Long createdBy) {
    checkOwnerAndCustomer(draft.ownerId(), draft.customerId());
    long id = followUps.insert(draft, createdBy, clock.instant());
    log.info(
        "Follow-up {} created for user {} due {} (customer {}, ticket {})",
        id,
        draft.ownerId(),
        draft.dueAt(),
        draft.customerId(),
        draft.ticketId());
    return get(id);
  }

  /**
   * Creates an open callback follow-up for the system (a missed call, a callback asked for in the
   * IVR): a kind and parameters the page words, no English title. Same checks as {@link #create}.
   */
  public FollowUp createCallback(CallbackDraft draft) {
    checkOwnerAndCustomer(draft.ownerId(), draft.customerId());
    long id = followUps.insertCallback(draft, clock.instant());
    log.info(
        "Callback follow-up {} ({}) created for user {} due {} (customer {})",
        id,
        draft.kind(),
        draft.ownerId(),
        draft.dueAt(),
        draft.customerId());
    return get(id);
  }

  private void checkOwnerAndCustomer(long ownerId, Long customerId) {
    User owner =
        users
            .find(ownerId)
            .orElseThrow(
                () -> new ValidationException("ownerId", "user " + ownerId + " does not exist"));
    if (!owner.active()) {
      throw new ValidationException(
          "ownerId", "user " + owner.username() + " is deactivated and cannot chase follow-ups");
    }
    if (customerId != null && !customers.exists(customerId)) {
      throw new ValidationException("customerId", "customer " + customerId + " does not exist");
    }
  }

  /** Any follow-up, for the system (screen pops, call logging); people read with a scope. */
  public FollowUp get(long id) {
    return get(id, FollowUpScope.EVERYONE);
  }

  /**
   * The follow-up if {@code reader} may see it.
   *
   * @throws NotFoundException {@code follow_up_not_found} also when it lies outside their scope
   */
  public FollowUp get(long id, User reader) {
    return get(id, FollowUpScope.of(reader));
  }

  private FollowUp get(long id, FollowUpScope scope) {
    return followUps
        .find(id, clock.instant(), scope)
        .orElseThrow(() -> new NotFoundException("follow_up", id));
  }

  /** The owner's open follow-ups already past due, oldest due first. */
  public List<FollowUp> overdueFor(long ownerId) {
    return followUps.overdueForOwner(ownerId, clock.instant(), MAX_LIST);
  }

  /**
   * The team's open follow-ups already past due, oldest due first, whoever owns them.
   *
   * @param reader a member of the team, a supervisor or an admin
   * @throws ForbiddenException {@code forbidden} for anyone else
   */
  public List<FollowUp> overdueForTeam(String team, User reader) {
    String key = Fields.required("team", team, 64);
    if (!FollowUpScope.of(reader).everyone() && !teams.teamsOf(reader.id()).contains(key)) {
      throw new ForbiddenException(
          "forbidden",
          "Only the team's members, supervisors and admins can list the team's follow-ups",
          Map.of("team", key));
    }
    return followUps.overdueForTeam(key, clock.instant(), MAX_LIST);
  }

  /** All the owner's open follow-ups by due time: the overdue ones first, then those upcoming. */
  public List<FollowUp> openFor(long ownerId) {
    return followUps.openForOwner(ownerId, clock.instant(), MAX_LIST);
  }

  /**
   * All the customer's follow-ups, for the system (the screen pop shows the overdue ones to the
   * agent the customer is calling): open ones by due time, then closed ones newest first.
   */
  public List<FollowUp> forCustomer(long customerId) {
    return forCustomer(customerId, FollowUpScope.EVERYONE);
  }

  /** The customer's follow-ups that {@code reader} may see, ordered as {@link #forCustomer}. */
  public List<FollowUp> forCustomer(long customerId, User reader) {
    return forCustomer(customerId, FollowUpScope.of(reader));
  }

  private List<FollowUp> forCustomer(long customerId, FollowUpScope scope) {
    if (!customers.exists(customerId)) {
      throw new NotFoundException("customer", customerId);
    }
    return followUps.forCustomer(customerId, clock.instant(), MAX_LIST, scope);
  }

  /**
   * Marks an open follow-up DONE and, in the same transaction, records the chase as an internal
   * note on the customer's timeline (without a customer when it is attached to a ticket only), so
   * either both are stored or neither.
   *
   * @param by the user who did the chasing; the follow-up must lie in their scope
   * @param note what came of it (optional, at most 5000 characters)
   */
  public FollowUp complete(long id, User by, String note) {
    String completionNote = Fields.optional("note", note, FollowUpDraft.MAX_NOTE);
    requireUser("by", by.id());
    FollowUpScope scope = FollowUpScope.of(by);
    FollowUp done =
        transactions.inTransaction(
            () -> {
              Instant now = clock.instant();
              close(id, FollowUpStatus.DONE, by.id(), completionNote, now, scope);
              FollowUp closed = get(id, scope);
              interactions.recordEvent(
                  new InteractionDraft(
                      closed.customerId(),
                      Channel.NOTE,
                      Direction.INTERNAL,
                      now,
                      null,
                      closed.completionNote(),
                      null),
                  by.id(),
                  InteractionEvent.FOLLOW_UP_DONE,
                  doneParams(closed));
              return closed;
            });
    log.info("Follow-up {} done by user {}", id, by.id());
    return done;
  }

  /**
   * Cancels an open follow-up that no longer needs chasing; nothing is written on the timeline.
   *
   * @param by who cancels it; the follow-up must lie in their scope
   * @param reason why (optional, at most 5000 characters)
   */
  public FollowUp cancel(long id, User by, String reason) {
    String why = Fields.optional("reason", reason, FollowUpDraft.MAX_NOTE);
    requireUser("by", by.id());
    FollowUpScope scope = FollowUpScope.of(by);
    transactions.run(
        () -> close(id, FollowUpStatus.CANCELLED, by.id(), why, clock.instant(), scope));
    log.info("Follow-up {} cancelled by user {}", id, by.id());
    return get(id, scope);
  }

  /**
   * Moves the due time of an open follow-up; the new time must lie in the future.
   *
   * @param by who moves it; the follow-up must lie in their scope
   */
  public FollowUp reschedule(long id, Instant newDue, User by) {
    Fields.inRange("dueAt", Fields.notNull("dueAt", newDue));
    Instant now = clock.instant();
    if (!newDue.isAfter(now)) {
      throw new ValidationException("dueAt", "must be in the future to reschedule");
    }
    FollowUpScope scope = FollowUpScope.of(by);
    if (!followUps.reschedule(id, newDue, now, scope)) {
      throw notOpen(id, "rescheduled", scope);
    }
    log.info("Follow-up {} rescheduled to {} by user {}", id, newDue, by.id());
    return get(id, scope);
  }

  private void close(
      long id, FollowUpStatus status, long by, String note, Instant now, FollowUpScope scope) {
    if (!followUps.close(id, status, by, note, now, scope)) {
      throw notOpen(
          id,
          switch (status) {
            case DONE -> "completed";
            case CANCELLED -> "cancelled";
            case OPEN -> throw new IllegalArgumentException("close to OPEN");
          },
          scope);
    }
  }

  /**
   * NotFound when it does not exist or lies outside the scope, otherwise the conflict of it being
   * already closed.
   */
  private RuntimeException notOpen(long id, String verb, FollowUpScope scope) {
    FollowUp current = get(id, scope);
    String state =
        switch (current.status()) {
          case OPEN -> "open";
          case DONE -> "already done";
          case CANCELLED -> "cancelled";
        };
    return new ConflictException(
        "follow_up_not_open",
        "Follow-up " + id + " is " + state + "; only an open follow-up can be " + verb,
        Map.of("id", id, "status", current.status().name()));
  }

  private void requireUser(String field, long userId) {
    if (users.find(userId).isEmpty()) {
      throw new ValidationException(field, "user " + userId + " does not exist");
    }
  }

  /** What the timeline needs to word a chased follow-up: its title, or its kind and parameters. */
  private static Map<String, String> doneParams(FollowUp f) {
    Map<String, String> p = new java.util.TreeMap<>();
    p.put("followUpId", Long.toString(f.id()));
    if (f.title() != null) {
      p.put("title", f.title());
    }
    if (f.kind() != null) {
      p.put("followUpKind", f.kind().name());
      f.params().forEach((k, v) -> p.putIfAbsent(k, v));
    }
    return p;
  }
}
