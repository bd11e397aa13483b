package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.sla.clock.PauseReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves tickets through their lifecycle ({@link TicketStatus#next()}), enforcing the reopen window
 * of closed tickets and keeping the SLA pauses, instants and audit trail in the same transaction.
 */
public final class TicketWorkflow {

  public static final Duration DEFAULT_REOPEN_WINDOW = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(TicketWorkflow.class);

  private final Transactions tx;
  private final TicketRepository tickets;
  private final TicketAuditRepository audit;
  private final TicketClocks clocks;
  private final Clock clock;
  private final Duration reopenWindow;

  public TicketWorkflow(
      Transactions tx,
      TicketRepository tickets,
      TicketAuditRepository audit,
      TicketClocks clocks,
      Clock clock) {
    this(tx, tickets, audit, clocks, clock, DEFAULT_REOPEN_WINDOW);
  }

  /**
   * @param reopenWindow how long after closing a ticket may still be reopened
   */
  public TicketWorkflow(
      Transactions tx,
      TicketRepository tickets,
      TicketAuditRepository audit,
      TicketClocks clocks,
      Clock clock,
      Duration reopenWindow) {
    if (reopenWindow.isNegative()) {
      throw new IllegalArgumentException("reopen window must not be negative: " + reopenWindow);
    }
    this.tx = tx;
    this.tickets = tickets;
    this.audit = audit;
    this.clocks = clocks;
    this.clock = clock;
    this.reopenWindow = reopenWindow;
  }

  /**
   * Moves the ticket to {@code change.to()}.
   *
   * @throws ConflictException {@code invalid_transition} if the lifecycle does not allow it, or
   *     {@code stale_ticket} if the ticket changed since the client's version
   * @throws ValidationException if resolving without a resolution
   */
  public Ticket changeStatus(long ticketId, StatusChange change, Long actorId) {
    return tx.inTransaction(
        () -> {
          Ticket ticket =
              tickets.findForUpdate(ticketId).orElseThrow(() -> TicketErrors.notFound(ticketId));
          TicketErrors.checkVersion(ticket, change.version());
          Instant now = clock.instant();
          checkTransition(ticket, change.to(), now);
          if (change.to() == TicketStatus.RESOLVED && change.resolution() == null) {
            throw new ValidationException(
                "resolution", "is required to resolve a ticket: say what was done");
          }
          Lifecycle next = apply(ticket, change, now);
          tickets.updateLifecycle(ticketId, next, now);
          audit.append(ticketId, actorId, now, changes(ticket.lifecycle(), next));
          clocks.refresh(ticketId, now);
          log.debug(
              "Ticket {} moved from {} to {} by user {}",
              ticketId,
              ticket.status(),
              change.to(),
              actorId);
          return tickets.find(ticketId).orElseThrow();
        });
  }

  /** The statuses the ticket may move to now. */
  public Set<TicketStatus> allowedNext(Ticket ticket) {
    return allowedNext(ticket, clock.instant());
  }

  private Set<TicketStatus> allowedNext(Ticket ticket, Instant now) {
    if (ticket.status() == TicketStatus.CLOSED
        && now.isAfter(ticket.closedAt().plus(reopenWindow))) {
      return Set.of();
    }
    return ticket.status().next();
  }

  private void checkTransition(Ticket ticket, TicketStatus to, Instant now) {
    Set<TicketStatus> allowed = allowedNext(ticket, now);
    if (allowed.contains(to)) {
      return;
    }
    TicketStatus from = ticket.status();
    String message =
        from == TicketStatus.CLOSED && to == TicketStatus.OPEN
            ? "A ticket in status CLOSED can only be reopened within "
                + describe(reopenWindow)
                + " of closing"
            : "Cannot go from "
                + from
                + " to "
                + to
                + "; allowed: "
                + (allowed.isEmpty()
                    ? "none"
                    : allowed.stream().map(Enum::name).collect(Collectors.joining(", ")));
    throw new ConflictException(
        "invalid_transition",
        message,
        Map.of(
            "from",
            from.name(),
            "to",
            to.name(),
            "allowed",
            allowed.stream().map(Enum::name).toList()));
  }

  /** The new lifecycle, writing the SLA pauses the change opens or closes. */
  private Lifecycle apply(Ticket t, StatusChange change, Instant now) {
    if (t.status() == TicketStatus.PENDING_CUSTOMER) {
      clocks.closeOpenPause(t.id(), now);
    }
    Lifecycle current = t.lifecycle();
    return switch (change.to()) {
      case NEW -> throw new IllegalStateException("no transition leads back to NEW");
      case OPEN -> {
        if (t.resolvedAt() != null) {
          // Reopen: the resolution clock continues; the time spent resolved does not count.
          clocks.addPause(t.id(), PauseReason.RESOLVED, t.resolvedAt(), now);
          yield new Lifecycle(TicketStatus.OPEN, null, current.firstResponseAt(), null, null);
        }
        yield withStatus(current, TicketStatus.OPEN);
      }
      case PENDING_CUSTOMER -> {
        clocks.openPause(t.id(), PauseReason.PENDING_CUSTOMER, now);
        yield withStatus(current, TicketStatus.PENDING_CUSTOMER);
      }
      case RESOLVED ->
          new Lifecycle(
              TicketStatus.RESOLVED,
              change.resolution(),
              current.firstResponseAt() != null ? current.firstResponseAt() : now,
              now,
              null);
      case CLOSED ->
          new Lifecycle(
              TicketStatus.CLOSED,
              current.resolution(),
              current.firstResponseAt(),
              current.resolvedAt(),
              now);
    };
  }

  private static Lifecycle withStatus(Lifecycle l, TicketStatus status) {
    return new Lifecycle(status, l.resolution(), l.firstResponseAt(), l.resolvedAt(), l.closedAt());
  }

  private static List<AuditChange> changes(Lifecycle before, Lifecycle after) {
    List<AuditChange> changes = new ArrayList<>();
    changes.add(new AuditChange(AuditField.STATUS, before.status().name(), after.status().name()));
    if (!Objects.equals(before.resolution(), after.resolution())) {
      changes.add(new AuditChange(AuditField.RESOLUTION, before.resolution(), after.resolution()));
    }
    return changes;
  }

  /** "7 days", "12 hours", "90 minutes". */
  static String describe(Duration d) {
    long seconds = d.toSeconds();
    if (seconds > 0 && seconds % 86_400 == 0) {
      return plural(d.toDays(), "day");
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return plural(d.toHours(), "hour");
    }
    return plural(d.toMinutes(), "minute");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
