package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ForbiddenException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.dispatch.stock.StockMove;
import dev.callcenter.helpdesk.dispatch.stock.StockService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatch orders after creation: reads scoped to the reader (a technician sees only orders planned
 * on them; another's order is a 404), edits, manual scheduling with part reservations in the
 * technician's van, pinning, cancelling, the status workflow and its audit trail.
 */
public final class DispatchService {

  private static final Logger log = LoggerFactory.getLogger(DispatchService.class);
  private static final int MAX_LIST = 2000;

  private final DispatchOrderRepository orders;
  private final TechnicianRepository technicians;
  private final StockService stock;
  private final Transactions transactions;
  private final Clock clock;
  private final Consumer<OrderChange> changes;

  /**
   * @param changes told of each order change once it is committed (the boards' live updates)
   */
  public DispatchService(
      DispatchOrderRepository orders,
      TechnicianRepository technicians,
      StockService stock,
      Transactions transactions,
      Clock clock,
      Consumer<OrderChange> changes) {
    this.orders = orders;
    this.technicians = technicians;
    this.stock = stock;
    this.transactions = transactions;
    this.clock = clock;
    this.changes = changes;
  }

  /** Stores a new unscheduled order and audits its creation; see the use case that builds it. */
  public DispatchOrder insert(DispatchOrderRepository.NewOrder order, Actor actor) {
    return committed(
        "created",
        actor,
        () -> {
          Instant now = clock.instant();
          long id = orders.insert(order, actor.userId(), now);
          orders.audit(id, now, actor, "created", null, DispatchStatus.UNSCHEDULED, null);
          log.info("Dispatch order {} created for ticket {}", id, order.ticketId());
          return orders.find(id).orElseThrow();
        });
  }

  /** The order if the actor may see it; otherwise the same 404 as a missing one. */
  public DispatchOrder get(long id, Actor actor) {
    return orders.find(id).filter(o -> visible(o, actor)).orElseThrow(() -> notFound(id));
  }

  /** Orders matching the query; a technician's query is narrowed to their own orders. */
  public List<DispatchOrder> list(OrderQuery query, Actor actor) {
    OrderQuery q =
        new OrderQuery(
            query.from(),
            query.to(),
            actor.technicianOnly() ? actor.userId() : query.technicianId(),
            query.ticketId(),
            query.status(),
            Math.min(Math.max(query.limit(), 1), MAX_LIST));
    if (actor.technicianOnly()
        && query.technicianId() != null
        && !query.technicianId().equals(actor.userId())) {
      throw new ForbiddenException("dispatch_forbidden", "Technicians see only their own orders");
    }
    return orders.list(q);
  }

  /** The orders of a ticket (a ticket may need several visits). */
  public List<DispatchOrder> forTicket(long ticketId, Actor actor) {
    return orders.forTicket(ticketId).stream().filter(o -> visible(o, actor)).toList();
  }

  public List<OrderAuditEntry> history(long id, Actor actor) {
    get(id, actor);
    return orders.history(id);
  }

  /** A dispatcher's edit of an open order. */
  public DispatchOrder edit(long id, DispatchOrderEdit edit, Actor actor) {
    requireDispatcher(actor);
    return change(
        id,
        edit.version(),
        actor,
        o -> {
          requireOpen(o, "edited");
          Instant ws = edit.windowStart() != null ? edit.windowStart() : o.windowStart();
          Instant we = edit.windowEnd() != null ? edit.windowEnd() : o.windowEnd();
          if (!we.isAfter(ws)) {
            throw new ValidationException("windowEnd", "must be after windowStart");
          }
          int duration =
              edit.durationMinutes() != null ? edit.durationMinutes() : o.durationMinutes();
          return new Changed(
              with(
                  o,
                  edit.siteAddress() != null ? edit.siteAddress() : o.siteAddress(),
                  edit.lat() != null ? new GeoPoint(edit.lat(), edit.lon()) : o.site(),
                  edit.requiredSkills() != null ? edit.requiredSkills() : o.requiredSkills(),
                  duration,
                  edit.priority() != null ? edit.priority() : o.priority(),
                  ws,
                  we,
                  o.status(),
                  o.statusReason(),
                  o.technicianId(),
                  o.plannedStart(),
                  o.plannedStart() == null
                      ? null
                      : o.plannedStart().plus(Duration.ofMinutes(duration)),
                  o.pinned(),
                  o.explanation(),
                  edit.note() != null ? edit.note() : o.note()),
              "edited",
              null);
        });
  }

  /**
   * Puts an order on a technician at a start time by hand (or from an accepted plan), reserving its
   * expected parts in the technician's van; {@code 409 stock_insufficient} when the van lacks them.
   *
   * @param explanation why it goes there (the optimiser's reasons), null for a manual choice
   */
  public DispatchOrder schedule(
      long id, long technicianId, Instant start, String explanation, Actor actor) {
    requireDispatcher(actor);
    Technician tech =
        technicians
            .find(technicianId)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "technicianId", "user " + technicianId + " is not a technician"));
    return committed(
        "scheduled",
        actor,
        () -> {
          DispatchOrder o = orders.lock(id).orElseThrow(() -> notFound(id));
          if (o.status() != DispatchStatus.UNSCHEDULED && o.status() != DispatchStatus.SCHEDULED) {
            throw notInState(o, "scheduled");
          }
          stock.releaseFor(id);
          for (var p : o.parts()) {
            stock.reserve(id, p.partId(), tech.vanLocationId(), p.quantity());
          }
          DispatchOrder next =
              with(
                  o,
                  o.siteAddress(),
                  o.site(),
                  o.requiredSkills(),
                  o.durationMinutes(),
                  o.priority(),
                  o.windowStart(),
                  o.windowEnd(),
                  DispatchStatus.SCHEDULED,
                  null,
                  technicianId,
                  start,
                  start.plus(Duration.ofMinutes(o.durationMinutes())),
                  o.pinned(),
                  explanation != null ? explanation : o.explanation(),
                  o.note());
          save(
              o,
              next,
              actor,
              "scheduled",
              tech.displayName() + " at " + start + (explanation == null ? " (by hand)" : ""));
          return orders.find(id).orElseThrow();
        });
  }

  /** Takes a scheduled order off its technician and gives its reservations back. */
  public DispatchOrder unschedule(long id, String reason, Actor actor) {
    requireDispatcher(actor);
    return committed(
        "unscheduled",
        actor,
        () -> {
          DispatchOrder o = orders.lock(id).orElseThrow(() -> notFound(id));
          if (o.status() != DispatchStatus.SCHEDULED && o.status() != DispatchStatus.UNSCHEDULED) {
            throw notInState(o, "unscheduled");
          }
          if (o.status() == DispatchStatus.UNSCHEDULED) {
            return o;
          }
          stock.releaseFor(id);
          save(
              o,
              with(
                  o,
                  o.siteAddress(),
                  o.site(),
                  o.requiredSkills(),
                  o.durationMinutes(),
                  o.priority(),
                  o.windowStart(),
                  o.windowEnd(),
                  DispatchStatus.UNSCHEDULED,
                  null,
                  null,
                  null,
                  null,
                  false,
                  reason,
                  o.note()),
              actor,
              "unscheduled",
              reason);
          return orders.find(id).orElseThrow();
        });
  }

  /** Pins (or unpins) a scheduled order: re-planning keeps it with its technician. */
  public DispatchOrder pin(long id, boolean pinned, Actor actor) {
    requireDispatcher(actor);
    return committed(
        pinned ? "pinned" : "unpinned",
        actor,
        () -> {
          DispatchOrder o = orders.lock(id).orElseThrow(() -> notFound(id));
          if (pinned && o.technicianId() == null) {
            throw new ConflictException(
                "dispatch_order_not_scheduled",
                "Order " + id + " has no technician to be pinned to",
                Map.of("id", id, "status", o.status().name()));
          }
          if (o.pinned() == pinned) {
            return o;
          }
          save(
              o,
              with(
                  o,
                  o.siteAddress(),
                  o.site(),
                  o.requiredSkills(),
                  o.durationMinutes(),
                  o.priority(),
                  o.windowStart(),
                  o.windowEnd(),
                  o.status(),
                  o.statusReason(),
                  o.technicianId(),
                  o.plannedStart(),
                  o.plannedEnd(),
                  pinned,
                  o.explanation(),
                  o.note()),
              actor,
              pinned ? "pinned" : "unpinned",
              null);
          return orders.find(id).orElseThrow();
        });
  }

  /**
   * Moves an order along its workflow. Technicians report the field steps (en-route, on-site,
   * completed, cannot-complete) on their own orders; dispatchers may make any allowed move.
   *
   * @param reason required for CANNOT_COMPLETE and CANCELLED
   */
  public DispatchOrder changeStatus(long id, DispatchStatus to, String reason, Actor actor) {
    Objects.requireNonNull(to);
    String why = dev.callcenter.helpdesk.Fields.optional("reason", reason, 2000);
    if ((to == DispatchStatus.CANNOT_COMPLETE || to == DispatchStatus.CANCELLED) && why == null) {
      throw new ValidationException("reason", "is required for " + to);
    }
    if (to == DispatchStatus.SCHEDULED || to == DispatchStatus.UNSCHEDULED) {
      throw new ValidationException(
          "status", "use schedule or unschedule to plan an order, not a status change");
    }
    return committed(
        "status",
        actor,
        () -> {
          DispatchOrder o =
              orders.lock(id).filter(x -> visible(x, actor)).orElseThrow(() -> notFound(id));
          if (!actor.dispatcher()) {
            boolean own = Objects.equals(o.technicianId(), actor.userId());
            if (!own || !to.fieldStep()) {
              throw new ForbiddenException(
                  "dispatch_forbidden",
                  "Technicians report en-route, on-site, completed or cannot-complete on their own"
                      + " orders; dispatchers do the rest");
            }
          }
          if (!o.status().canMoveTo(to)) {
            throw new ConflictException(
                "dispatch_transition_invalid",
                "Order " + id + " cannot go from " + o.status() + " to " + to,
                Map.of(
                    "id", id,
                    "from", o.status().name(),
                    "to", to.name(),
                    "allowed", o.status().next().stream().map(Enum::name).sorted().toList()));
          }
          if (to == DispatchStatus.CANCELLED) {
            stock.releaseFor(id);
          }
          save(
              o,
              with(
                  o,
                  o.siteAddress(),
                  o.site(),
                  o.requiredSkills(),
                  o.durationMinutes(),
                  o.priority(),
                  o.windowStart(),
                  o.windowEnd(),
                  to,
                  why,
                  o.technicianId(),
                  o.plannedStart(),
                  o.plannedEnd(),
                  o.pinned(),
                  o.explanation(),
                  o.note()),
              actor,
              "status",
              why);
          return orders.find(id).orElseThrow();
        });
  }

  /**
   * Parts used on an order, taken from the technician's van (from the order's reservation first).
   */
  public StockMove useParts(long id, long partId, int quantity, Actor actor) {
    DispatchOrder o = get(id, actor);
    if (!actor.dispatcher() && !Objects.equals(o.technicianId(), actor.userId())) {
      throw new ForbiddenException(
          "dispatch_forbidden", "Only the order's technician or a dispatcher records parts used");
    }
    if (o.technicianId() == null) {
      throw notInState(o, "given parts");
    }
    if (o.status() != DispatchStatus.ON_SITE && o.status() != DispatchStatus.COMPLETED) {
      throw notInState(o, "given parts");
    }
    Technician tech = technicians.find(o.technicianId()).orElseThrow();
    return stock.consume(id, partId, tech.vanLocationId(), quantity, actor.userId());
  }

  /**
   * A dispatcher's audited override: parts used on an order beyond the stock its technician's van
   * shows (the count may go below zero), with the reason, who, when and from where in the order's
   * audit trail. Technicians cannot override; their use stays bounded by the stock.
   */
  public StockMove usePartsBeyondStock(
      long id, long partId, int quantity, String reason, Actor actor) {
    requireDispatcher(actor);
    String why = dev.callcenter.helpdesk.Fields.required("reason", reason, 2000);
    return transactions.inTransaction(
        () -> {
          DispatchOrder o = orders.lock(id).orElseThrow(() -> notFound(id));
          if (o.technicianId() == null
              || (o.status() != DispatchStatus.ON_SITE && o.status() != DispatchStatus.COMPLETED)) {
            throw notInState(o, "given parts");
          }
          Technician tech = technicians.find(o.technicianId()).orElseThrow();
          StockMove move =
              stock.consumeBeyondStock(id, partId, tech.vanLocationId(), quantity, actor.userId());
          orders.audit(
              id,
              clock.instant(),
              actor,
              "parts-override",
              o.status(),
              null,
              quantity + " × part " + partId + " beyond the van's stock: " + why);
          return move;
        });
  }

  private record Changed(DispatchOrder next, String action, String detail) {}

  private DispatchOrder change(
      long id, int version, Actor actor, java.util.function.Function<DispatchOrder, Changed> fn) {
    return committed(
        "edited",
        actor,
        () -> {
          DispatchOrder o = orders.lock(id).orElseThrow(() -> notFound(id));
          if (o.version() != version) {
            throw new ConflictException(
                "dispatch_order_stale",
                "Order " + id + " changed since version " + version + "; reload it",
                Map.of("id", id, "version", o.version()));
          }
          Changed c = fn.apply(o);
          save(o, c.next(), actor, c.action(), c.detail());
          return orders.find(id).orElseThrow();
        });
  }

  /**
   * Runs {@code work} in one transaction and, once it committed, tells the listeners about the
   * order it returns (a no-op change is told too; boards just reload).
   */
  private DispatchOrder committed(String action, Actor actor, Supplier<DispatchOrder> work) {
    DispatchOrder after = transactions.inTransaction(work);
    changes.accept(OrderChange.of(after, action, actor));
    return after;
  }

  private void save(
      DispatchOrder before, DispatchOrder after, Actor actor, String action, String detail) {
    Instant now = clock.instant();
    if (!orders.update(after, now)) {
      throw new ConflictException(
          "dispatch_order_stale", "Order " + before.id() + " changed meanwhile; reload it");
    }
    orders.audit(
        before.id(),
        now,
        actor,
        action,
        before.status(),
        after.status() == before.status() ? null : after.status(),
        detail);
  }

  private static boolean visible(DispatchOrder o, Actor actor) {
    return !actor.technicianOnly() || Objects.equals(o.technicianId(), actor.userId());
  }

  private static void requireDispatcher(Actor actor) {
    if (!actor.dispatcher()) {
      throw new ForbiddenException(
          "dispatch_forbidden", "Only supervisors and admins plan and change dispatch orders");
    }
  }

  private static void requireOpen(DispatchOrder o, String verb) {
    if (!o.status().open()) {
      throw notInState(o, verb);
    }
  }

  private static ConflictException notInState(DispatchOrder o, String verb) {
    return new ConflictException(
        "dispatch_order_state",
        "Order " + o.id() + " is " + o.status() + " and cannot be " + verb,
        Map.of("id", o.id(), "status", o.status().name()));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("dispatch_order", id);
  }

  private static DispatchOrder with(
      DispatchOrder o,
      String siteAddress,
      GeoPoint site,
      List<String> skills,
      int duration,
      int priority,
      Instant windowStart,
      Instant windowEnd,
      DispatchStatus status,
      String reason,
      Long technicianId,
      Instant plannedStart,
      Instant plannedEnd,
      boolean pinned,
      String explanation,
      String note) {
    return new DispatchOrder(
        o.id(),
        o.ticketId(),
        o.customerId(),
        o.customerName(),
        o.equipmentId(),
        siteAddress,
        site,
        skills,
        duration,
        priority,
        windowStart,
        windowEnd,
        status,
        reason,
        technicianId,
        plannedStart,
        plannedEnd,
        pinned,
        explanation,
        note,
        o.parts(),
        o.createdBy(),
        o.createdAt(),
        o.updatedAt(),
        o.version());
  }
}
