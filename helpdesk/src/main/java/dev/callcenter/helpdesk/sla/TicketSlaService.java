package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.sla.clock.BusinessCalendar;
import dev.callcenter.helpdesk.sla.clock.Pause;
import dev.callcenter.helpdesk.sla.clock.SlaClock;
import dev.callcenter.helpdesk.sla.clock.SlaClockInput;
import dev.callcenter.helpdesk.sla.clock.SlaMeasurement;
import dev.callcenter.helpdesk.sla.clock.SlaPoint;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.sla.clock.SlaTarget;
import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketRepository;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures a ticket's two SLA clocks and keeps the warning and due instants stored on it current.
 */
public final class TicketSlaService {

  public static final int DEFAULT_WARNING_PERCENT = 80;

  private final TicketRepository tickets;
  private final TicketSlaRepository slas;
  private final BusinessCalendarRepository calendars;
  private final Clock clock;
  private final int warningPercent;

  public TicketSlaService(
      TicketRepository tickets,
      TicketSlaRepository slas,
      BusinessCalendarRepository calendars,
      Clock clock) {
    this(tickets, slas, calendars, clock, DEFAULT_WARNING_PERCENT);
  }

  /**
   * @param warningPercent share of a target, 1–99, from which a running clock warns
   */
  public TicketSlaService(
      TicketRepository tickets,
      TicketSlaRepository slas,
      BusinessCalendarRepository calendars,
      Clock clock,
      int warningPercent) {
    if (warningPercent < 1 || warningPercent > 99) {
      throw new IllegalArgumentException("warning percent must be 1–99: " + warningPercent);
    }
    this.tickets = tickets;
    this.slas = slas;
    this.calendars = calendars;
    this.clock = clock;
    this.warningPercent = warningPercent;
  }

  /**
   * Both clocks of the ticket, measured now. Both start at creation. The first-response clock stops
   * at the first public comment by a user, or at resolution if no reply came first, and is never
   * paused. The resolution clock stops at resolution and is paused while the ticket is
   * PENDING_CUSTOMER; a reopened ticket continues it from creation, the time spent resolved counted
   * as a pause.
   */
  public TicketSla sla(long ticketId) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    return measure(ticket, slas.pauses(ticketId), calendars.defaultCalendar(), clock.instant());
  }

  /**
   * The clocks of a ticket already loaded. A NEW ticket has never been paused (it can only move to
   * OPEN or RESOLVED), so its pauses are not read.
   */
  public TicketSla sla(Ticket ticket) {
    List<Pause> pauses = ticket.status() == TicketStatus.NEW ? List.of() : slas.pauses(ticket.id());
    return measure(ticket, pauses, calendars.defaultCalendar(), clock.instant());
  }

  /** The schedule of a ticket created at {@code createdAt} with {@code terms}: no pauses yet. */
  public SlaSchedule scheduleOfNew(SlaTerms terms, Instant createdAt) {
    BusinessCalendar calendar = calendars.defaultCalendar();
    Points firstResponse = points(createdAt, terms.firstResponse(), List.of(), createdAt, calendar);
    Points resolution = points(createdAt, terms.resolution(), List.of(), createdAt, calendar);
    return new SlaSchedule(
        firstResponse.warnAt(), firstResponse.dueAt(), resolution.warnAt(), resolution.dueAt());
  }

  /** The warnings and breaches recorded for the ticket, in the order they were reached. */
  public List<SlaEvent> events(long ticketId) {
    return slas.events(ticketId);
  }

  /**
   * Recomputes and stores the ticket's schedule after its clocks changed; call it inside the
   * transaction that changed them.
   */
  public void refresh(long ticketId, Instant now) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    SlaSchedule schedule =
        schedule(ticket, slas.pauses(ticketId), calendars.defaultCalendar(), now);
    Set<SlaPoint> recorded = slas.recordedPoints(List.of(ticketId)).get(ticketId);
    slas.storeSchedule(ticketId, schedule, schedule.nextCheck(recorded));
  }

  BusinessCalendar calendar() {
    return calendars.defaultCalendar();
  }

  TicketSla measure(Ticket t, List<Pause> pauses, BusinessCalendar calendar, Instant now) {
    Instant at = latest(now, t.createdAt(), t.firstResponseAt(), t.resolvedAt());
    SlaMeasurement firstResponse =
        SlaClock.measure(
            new SlaClockInput(
                t.createdAt(),
                t.slaTerms().firstResponse(),
                List.of(),
                t.firstResponseAt(),
                at,
                warningPercent,
                calendar));
    SlaMeasurement resolution =
        SlaClock.measure(
            new SlaClockInput(
                t.createdAt(),
                t.slaTerms().resolution(),
                pauses,
                t.resolvedAt(),
                at,
                warningPercent,
                calendar));
    return new TicketSla(
        t.id(),
        at,
        new TicketSla.TargetClock(
            SlaTarget.FIRST_RESPONSE, t.slaTerms().firstResponse(), firstResponse),
        new TicketSla.TargetClock(SlaTarget.RESOLUTION, t.slaTerms().resolution(), resolution));
  }

  SlaSchedule schedule(Ticket t, List<Pause> pauses, BusinessCalendar calendar, Instant now) {
    Instant at = latest(now, t.createdAt());
    Points firstResponse =
        t.firstResponseAt() != null
            ? Points.NONE
            : points(t.createdAt(), t.slaTerms().firstResponse(), List.of(), at, calendar);
    Points resolution =
        t.resolvedAt() != null
            ? Points.NONE
            : points(t.createdAt(), t.slaTerms().resolution(), pauses, at, calendar);
    return new SlaSchedule(
        firstResponse.warnAt(), firstResponse.dueAt(), resolution.warnAt(), resolution.dueAt());
  }

  /** The warning and due instants of a running clock. */
  private record Points(Instant warnAt, Instant dueAt) {
    static final Points NONE = new Points(null, null);
  }

  private Points points(
      Instant start, Duration target, List<Pause> pauses, Instant now, BusinessCalendar calendar) {
    Duration warnTarget = target.multipliedBy(warningPercent).dividedBy(100);
    Instant warnAt = dueAt(start, warnTarget, pauses, now, calendar);
    Instant dueAt = dueAt(start, target, pauses, now, calendar);
    boolean paused = pauses.stream().anyMatch(p -> p.covers(now));
    if (paused) {
      // A paused clock gets no nearer to a point it has not reached: nothing to schedule yet.
      warnAt = warnAt.isAfter(now) ? null : warnAt;
      dueAt = dueAt.isAfter(now) ? null : dueAt;
    }
    return new Points(warnAt, dueAt);
  }

  private Instant dueAt(
      Instant start, Duration target, List<Pause> pauses, Instant now, BusinessCalendar calendar) {
    return SlaClock.measure(
            new SlaClockInput(start, target, pauses, null, now, warningPercent, calendar))
        .dueAt();
  }

  private static Instant latest(Instant first, Instant... others) {
    return Stream.concat(Stream.of(first), Stream.of(others))
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElseThrow();
  }
}
