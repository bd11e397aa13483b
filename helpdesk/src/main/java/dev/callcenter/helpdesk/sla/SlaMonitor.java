package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.sla.clock.BusinessCalendar;
import dev.callcenter.helpdesk.sla.clock.Pause;
import dev.callcenter.helpdesk.sla.clock.SlaPoint;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records each passed SLA warning and breach point of a ticket once and announces it. */
public final class SlaMonitor {

  public static final int DEFAULT_BATCH_SIZE = 200;
  private static final int MAX_BATCHES_PER_SCAN = 50;
  private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

  private final Transactions tx;
  private final TicketRepository tickets;
  private final TicketSlaRepository slas;
  private final TicketSlaService sla;
  private final Clock clock;
  private final Consumer<SlaEvent> listener;
  private final int batchSize;

  public SlaMonitor(
      Transactions tx,
      TicketRepository tickets,
      TicketSlaRepository slas,
      TicketSlaService sla,
      Clock clock,
      Consumer<SlaEvent> listener) {
    this(tx, tickets, slas, sla, clock, listener, DEFAULT_BATCH_SIZE);
  }

  /**
   * @param listener receives each newly recorded event after its transaction committed
   * @param batchSize tickets checked per transaction
   */
  public SlaMonitor(
      Transactions tx,
      TicketRepository tickets,
      TicketSlaRepository slas,
      TicketSlaService sla,
      Clock clock,
      Consumer<SlaEvent> listener,
      int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.tx = tx;
    this.tickets = tickets;
    this.slas = slas;
    this.sla = sla;
    this.clock = clock;
    this.listener = listener;
    this.batchSize = batchSize;
  }

  /**
   * Records and announces every point passed by now that has no event yet, and returns them. Only
   * tickets whose stored {@code next_sla_check_at} has come are read; each is re-measured with the
   * SLA clock and its schedule stored afresh. Several nodes may scan at once: each locks its batch
   * with SKIP LOCKED, and the unique key of {@code sla_event} makes recording idempotent, so every
   * event is announced by exactly one node.
   */
  public List<SlaEvent> scan() {
    Instant now = clock.instant();
    BusinessCalendar calendar = sla.calendar();
    List<SlaEvent> recorded = new ArrayList<>();
    for (int batch = 0; batch < MAX_BATCHES_PER_SCAN; batch++) {
      Batch result = tx.inTransaction(() -> checkBatch(now, calendar));
      result.events().forEach(this::announce);
      recorded.addAll(result.events());
      if (result.checked() < batchSize) {
        break;
      }
    }
    return recorded;
  }

  private record Batch(int checked, List<SlaEvent> events) {}

  private Batch checkBatch(Instant now, BusinessCalendar calendar) {
    List<Long> ids = slas.lockDueForCheck(now, batchSize);
    if (ids.isEmpty()) {
      return new Batch(0, List.of());
    }
    Map<Long, List<Pause>> pauses = slas.pauses(ids);
    Map<Long, Set<SlaPoint>> recorded = slas.recordedPoints(ids);
    List<SlaEvent> events = new ArrayList<>();
    for (Ticket ticket : tickets.findAll(ids)) {
      SlaSchedule schedule = sla.schedule(ticket, pauses.get(ticket.id()), calendar, now);
      Set<SlaPoint> done = new HashSet<>(recorded.get(ticket.id()));
      schedule
          .reachedBy(now)
          .forEach(
              (point, reachedAt) -> {
                if (done.add(point)) {
                  slas.recordEvent(ticket.id(), point, reachedAt, now).ifPresent(events::add);
                }
              });
      slas.storeSchedule(ticket.id(), schedule, schedule.nextCheck(done));
    }
    return new Batch(ids.size(), events);
  }

  private void announce(SlaEvent event) {
    log.info(
        "SLA {} {} of ticket {} reached at {}",
        event.target(),
        event.kind(),
        event.ticketId(),
        event.reachedAt());
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      log.warn("SLA event listener failed for ticket {}: {}", event.ticketId(), e.toString(), e);
    }
  }
}
