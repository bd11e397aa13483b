package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketRepository;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns tickets of a team to its members with {@link AssignmentPolicy}, keeps unassignable ones
 * waiting in the team queue, drains queues when capacity appears and hands an absent person's
 * tickets on; every decision is stored on the ticket ({@code assignmentReason}) and in its audit
 * trail.
 *
 * <p><b>When it runs.</b> Nothing here is triggered by the ticket module itself. The use cases call
 * it: {@code OpenTicket} calls {@link #assign} right after {@link TicketService#create} (a ticket
 * opened with an explicit assignee is left alone), {@code ChangeTicketStatus} calls {@link
 * #releaseCapacity}; the HTTP layer calls {@link #drainQueue} after a member is added or a capacity
 * raised and {@link #changePresence} when someone comes or goes. The server also runs {@link
 * #drainAll} periodically, which catches whatever a missed call left in a queue.
 *
 * <p><b>Concurrency.</b> A member's load counts their open tickets in every team, so deciding for a
 * team means locking every membership row of the team's members, in all their teams ({@code select
 * … for update}, ordered by user id then team key), before reading loads and the ticket. Two nodes
 * or threads assigning for teams that share a person therefore take turns, and the second one
 * counts the first one's assignment, so nobody goes past capacity and no ticket is assigned twice
 * (the ticket row is locked next and rechecked: still open, still unassigned, still in the team).
 * Locks are always taken members first, then tickets, and member rows in one global order, so
 * assigners cannot deadlock one another; ticket edits lock only their ticket. Hand edits by agents
 * are not limited by capacity.
 *
 * <p><b>Determinism.</b> Given the same rows the same choice is made: the policy breaks ties by
 * least-recent assignment, then user id, and a queue drains in a fixed order (VIP customer first,
 * then URGENT › HIGH › NORMAL › LOW, then the oldest, then the lowest id). The stamp that records a
 * member's latest assignment is never earlier than the team's latest stamp, so round robin still
 * rotates when several assignments fall within one clock tick.
 */
public final class AssignmentService {

  /** The most queued tickets one drain looks at; a later drain takes the rest. */
  public static final int MAX_DRAIN = 500;

  /** The most queued tickets {@link #queue} returns. */
  public static final int MAX_QUEUE = 500;

  private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);
  private static final int ATTEMPTS = 3;

  private final Transactions tx;
  private final TicketService tickets;
  private final TicketRepository ticketStore;
  private final TeamService teams;
  private final AssignmentRepository store;
  private final UserRepository users;
  private final Clock clock;

  public AssignmentService(
      Transactions tx,
      TicketService tickets,
      TicketRepository ticketStore,
      TeamService teams,
      AssignmentRepository store,
      UserRepository users,
      Clock clock) {
    this.tx = tx;
    this.tickets = tickets;
    this.ticketStore = ticketStore;
    this.teams = teams;
    this.store = store;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Assigns an open ticket without assignee to a member of its team, or leaves it waiting in the
   * team queue; either way the reason is stored on the ticket and audited with the actor. A ticket
   * that is assigned already, resolved, closed, without a team or in a team that does not exist is
   * left alone ({@link AssignmentOutcome.Unchanged}).
   *
   * @param actorId who asked, null for the system
   */
  public AssignmentOutcome assign(long ticketId, Long actorId) {
    AssignmentOutcome outcome = route(ticketId, actorId, null);
    log.debug("Ticket {}: {} ({})", ticketId, outcome.getClass().getSimpleName(), outcome.reason());
    return outcome;
  }

  /**
   * Assigns the team's waiting tickets in drain order (VIP customer first, then priority, then the
   * oldest) for as long as some present member has room; tickets that nobody can take now get a
   * fresh reason and keep waiting. Looks at {@link #MAX_DRAIN} tickets at most.
   */
  public DrainResult drainQueue(String teamKey, Long actorId) {
    Team team = teams.get(teamKey);
    DrainResult result = tx.inTransaction(() -> drainLocked(team.key(), actorId));
    if (result.assigned() > 0) {
      log.info(
          "Team {} queue drained: {} assigned, {} still waiting",
          team.key(),
          result.assigned(),
          result.waiting());
    }
    return result;
  }

  /** Drains every team whose queue is not empty (the periodic job); a failing team is logged. */
  public List<DrainResult> drainAll(Long actorId) {
    List<DrainResult> results = new ArrayList<>();
    for (String team : store.teamsWithQueue()) {
      try {
        results.add(drainQueue(team, actorId));
      } catch (RuntimeException e) {
        log.error("Draining the queue of team {} failed; the next run retries", team, e);
      }
    }
    return results;
  }

  /**
   * Hands each open ticket of an absent person to another present member of the ticket's team, or
   * back to the team queue, with a reason that starts "‹username› is absent; ". Tickets without a
   * team (or of a team that does not exist) stay with them. Each ticket is its own transaction.
   * Call it after marking them absent ({@link #changePresence} does both).
   */
  public List<AssignmentOutcome> reassignOnAbsence(long userId, Long actorId) {
    User absent = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    List<AssignmentOutcome> outcomes = new ArrayList<>();
    for (long ticketId : store.openTicketsOf(userId)) {
      outcomes.add(route(ticketId, actorId, absent));
    }
    log.info(
        "{} is absent: {} of their open tickets handed on or queued",
        absent.username(),
        outcomes.stream().filter(o -> !(o instanceof AssignmentOutcome.Unchanged)).count());
    return outcomes;
  }

  /**
   * Marks the person present or absent in all their teams; an absent person's open tickets are
   * handed on ({@link #reassignOnAbsence}), a present person's teams' queues are drained.
   */
  public PresenceChange changePresence(long userId, boolean present, Long actorId) {
    teams.setPresence(userId, present);
    if (!present) {
      return new PresenceChange(userId, false, reassignOnAbsence(userId, actorId), List.of());
    }
    return new PresenceChange(userId, true, List.of(), drainTeamsOf(userId, actorId));
  }

  /** Drains the queue of every team the user belongs to. */
  public List<DrainResult> drainTeamsOf(long userId, Long actorId) {
    return teams.teamsOf(userId).stream().map(team -> drainQueue(team, actorId)).toList();
  }

  /**
   * Call after a ticket was resolved or closed (or lost its assignee): drains the queues of every
   * team its assignee belongs to, whose room just grew, and of the ticket's own team.
   */
  public List<DrainResult> releaseCapacity(long ticketId, Long actorId) {
    Ticket ticket = tickets.get(ticketId);
    Set<String> keys = new LinkedHashSet<>();
    if (ticket.assigneeId() != null) {
      keys.addAll(teams.teamsOf(ticket.assigneeId()));
    }
    if (ticket.team() != null) {
      keys.add(ticket.team());
    }
    List<DrainResult> results = new ArrayList<>();
    for (String key : keys.stream().sorted().toList()) {
      if (teamExists(key)) {
        results.add(drainQueue(key, actorId));
      }
    }
    return results;
  }

  /** The team's waiting tickets in the order a drain takes them, at most {@link #MAX_QUEUE}. */
  public List<QueuedTicket> queue(String teamKey) {
    return store.queue(teams.get(teamKey).key(), MAX_QUEUE);
  }

  /** One ticket through the policy, retried if its team changes between reading and locking. */
  private AssignmentOutcome route(long ticketId, Long actorId, User absent) {
    for (int attempt = 1; ; attempt++) {
      Optional<AssignmentOutcome> outcome =
          tx.inTransaction(() -> routeLocked(ticketId, actorId, absent));
      if (outcome.isPresent()) {
        return outcome.get();
      }
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(
            "ticket " + ticketId + " changed team " + ATTEMPTS + " times while being assigned");
      }
    }
  }

  /** Empty when the ticket moved to another team after its members were locked. */
  private Optional<AssignmentOutcome> routeLocked(long ticketId, Long actorId, User absent) {
    Ticket seen =
        ticketStore.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    String team = seen.team();
    if (team == null) {
      return Optional.of(unchanged(seen, absent, "the ticket has no team"));
    }
    if (!teamExists(team)) {
      return Optional.of(unchanged(seen, absent, "team " + team + " does not exist"));
    }
    List<Long> locked = store.lockMembers(team);
    Ticket ticket = ticketStore.findForUpdate(ticketId).orElseThrow();
    if (!team.equals(ticket.team())) {
      return Optional.empty();
    }
    Optional<String> skip = skipReason(ticket, absent);
    if (skip.isPresent()) {
      return Optional.of(new AssignmentOutcome.Unchanged(ticket, skip.get()));
    }
    List<Candidate> candidates =
        store.candidates(team, locked).stream().map(c -> absentIfSo(c, absent)).toList();
    AssignmentDecision decision = decide(ticket.requiredSkills(), candidates);
    String prefix = absent == null ? "" : absent.username() + " is absent; ";
    return Optional.of(
        switch (decision) {
          case AssignmentDecision.Assign a -> {
            store.markAssigned(team, a.userId(), stamp(candidates));
            String why = prefix + a.reason();
            Ticket assigned = tickets.applyAssignment(ticketId, a.userId(), why, actorId);
            yield new AssignmentOutcome.Assigned(assigned, a.userId(), a.username(), why);
          }
          case AssignmentDecision.Wait w -> {
            String why = prefix + waitReason(team, w);
            yield new AssignmentOutcome.Queued(
                tickets.applyAssignment(ticketId, null, why, actorId), why);
          }
        });
  }

  private DrainResult drainLocked(String team, Long actorId) {
    List<Long> locked = store.lockMembers(team);
    List<Candidate> candidates = new ArrayList<>(store.candidates(team, locked));
    List<QueuedTicket> queue = store.lockQueue(team, MAX_DRAIN);
    int assigned = 0;
    for (QueuedTicket waiting : queue) {
      switch (decide(waiting.requiredSkills(), candidates)) {
        case AssignmentDecision.Assign a -> {
          Instant at = stamp(candidates);
          store.markAssigned(team, a.userId(), at);
          tickets.applyAssignment(waiting.id(), a.userId(), a.reason(), actorId);
          candidates.replaceAll(c -> c.userId() == a.userId() ? tookOne(c, at) : c);
          assigned++;
        }
        case AssignmentDecision.Wait w -> {
          String why = waitReason(team, w);
          if (!why.equals(waiting.assignmentReason())) {
            tickets.applyAssignment(waiting.id(), null, why, actorId);
          }
        }
      }
    }
    return new DrainResult(team, assigned, queue.size() - assigned);
  }

  private Optional<String> skipReason(Ticket ticket, User absent) {
    if (!ticket.status().isOpen()) {
      return Optional.of("the ticket is " + ticket.status() + "; only open tickets are assigned");
    }
    if (absent == null && ticket.assigneeId() != null) {
      return Optional.of("the ticket is assigned to " + username(ticket.assigneeId()) + " already");
    }
    if (absent != null && !Objects.equals(ticket.assigneeId(), absent.id())) {
      return Optional.of("the ticket is no longer assigned to " + absent.username());
    }
    return Optional.empty();
  }

  private static AssignmentOutcome unchanged(Ticket ticket, User absent, String why) {
    return new AssignmentOutcome.Unchanged(
        ticket,
        absent == null
            ? why + "; nobody to assign it to"
            : absent.username() + " is absent, but " + why + "; it stays with them");
  }

  private static AssignmentDecision decide(List<String> requiredSkills, List<Candidate> members) {
    if (members.isEmpty()) {
      return new AssignmentDecision.Wait("the team has no active members");
    }
    return AssignmentPolicy.choose(Set.copyOf(requiredSkills), members);
  }

  private static String waitReason(String team, AssignmentDecision.Wait wait) {
    return "waits in the " + team + " queue: " + wait.reason();
  }

  private static Candidate absentIfSo(Candidate c, User absent) {
    if (absent == null || c.userId() != absent.id()) {
      return c;
    }
    return new Candidate(
        c.userId(),
        c.username(),
        c.skills(),
        false,
        c.openTickets(),
        c.capacity(),
        c.lastAssignedAt());
  }

  private static Candidate tookOne(Candidate c, Instant at) {
    return new Candidate(
        c.userId(), c.username(), c.skills(), c.present(), c.openTickets() + 1, c.capacity(), at);
  }

  /**
   * Now, but after every stamp in the team (by a microsecond, the database's resolution), so the
   * member just chosen sorts last among equals even when the clock did not move.
   */
  private Instant stamp(List<Candidate> candidates) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return candidates.stream()
        .map(Candidate::lastAssignedAt)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .filter(latest -> !now.isAfter(latest))
        .map(latest -> latest.plus(1, ChronoUnit.MICROS))
        .orElse(now);
  }

  private boolean teamExists(String key) {
    return teams.find(key).isPresent();
  }

  private String username(long userId) {
    return users.find(userId).map(User::username).orElse("user " + userId);
  }
}
