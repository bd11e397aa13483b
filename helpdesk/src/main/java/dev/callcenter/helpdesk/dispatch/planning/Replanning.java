package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.OrderQuery;
import dev.callcenter.helpdesk.dispatch.Technician;
import dev.callcenter.helpdesk.dispatch.TechnicianService;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import dev.callcenter.helpdesk.dispatch.WorkingHours;
import dev.callcenter.helpdesk.dispatch.stock.StockLevel;
import dev.callcenter.helpdesk.dispatch.stock.StockReservation;
import dev.callcenter.helpdesk.dispatch.stock.StockService;
import dev.callcenter.helpdesk.followup.FollowUpDraft;
import dev.callcenter.helpdesk.followup.FollowUpService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans stored orders: builds the problem of a range of days from the database (orders already
 * en-route or on-site pinned at the head of their technician's day, pinned orders kept with their
 * technician), solves it off the caller's path with a budget, and applies an accepted plan —
 * scheduling, moving and unscheduling orders, and leaving a follow-up to call each customer whose
 * visit moved by {@link #MOVED} or more or fell out of the plan.
 */
public final class Replanning {

  private static final Logger log = LoggerFactory.getLogger(Replanning.class);

  /** A visit moved at least this much: the customer is called. */
  public static final Duration MOVED = Duration.ofMinutes(30);

  /** The reason an order left out of an accepted plan is unscheduled with. */
  public static final String LEFT_OUT = "left out of the accepted plan";

  /** A proposed plan of {@code [from, to]} and why each order is where it is. */
  public record Proposal(
      LocalDate from, LocalDate to, DispatchPlan plan, PlanExplanation explanation, long millis) {}

  /** What accepting changed. */
  public record Applied(List<Long> scheduled, List<Long> unscheduled, List<Long> followUps) {}

  private final DispatchService dispatch;
  private final TechnicianService technicians;
  private final StockService stock;
  private final FollowUpService followUps;
  private final Planner planner;
  private final TravelModel travel;
  private final ZoneId zone;
  private final Clock clock;

  public Replanning(
      DispatchService dispatch,
      TechnicianService technicians,
      StockService stock,
      FollowUpService followUps,
      Planner planner,
      TravelModel travel,
      ZoneId zone,
      Clock clock) {
    this.dispatch = dispatch;
    this.technicians = technicians;
    this.stock = stock;
    this.followUps = followUps;
    this.planner = planner;
    this.travel = travel;
    this.zone = zone;
    this.clock = clock;
  }

  /** Solves the days {@code [from, to]} on the calling thread within {@code budget}. */
  public Proposal solve(LocalDate from, LocalDate to, Duration budget, Planner.Run run) {
    return solve(from, to, budget, run, p -> {});
  }

  /** As {@link #solve(LocalDate, LocalDate, Duration, Planner.Run)}, hearing each better plan. */
  public Proposal solve(
      LocalDate from,
      LocalDate to,
      Duration budget,
      Planner.Run run,
      java.util.function.Consumer<Planner.Progress> progress) {
    DispatchPlan problem = problem(from, to);
    var outcome = planner.solve(problem, budget, Planner.Mode.FULL, run, progress);
    return new Proposal(
        from, to, outcome.plan(), PlanExplanation.of(outcome.plan(), zone), outcome.millis());
  }

  /** The stored orders and technicians of the range as a planning problem. */
  public DispatchPlan problem(LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Actor system = Actor.system();
    List<DispatchOrder> open =
        dispatch.list(new OrderQuery(start, end, null, null, null, 2000), system).stream()
            .filter(o -> o.status().open())
            .toList();
    var shifts = new ArrayList<PlanShift>();
    var byKey = new HashMap<String, PlanShift>();
    for (Technician t : technicians.list()) {
      Map<Long, Integer> van = new HashMap<>();
      for (StockLevel l : stock.levels(t.vanLocationId(), null)) {
        van.put(l.partId(), l.available());
      }
      for (DispatchOrder o : open) {
        if (o.technicianId() != null && o.technicianId() == t.userId()) {
          for (StockReservation r : stock.reservations(o.id(), t.vanLocationId())) {
            if (r.status() == StockReservation.Status.ACTIVE) {
              van.merge(r.partId(), r.quantity(), Integer::sum);
            }
          }
        }
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        var hours = t.shiftOn(day);
        if (hours.isEmpty()) {
          continue;
        }
        WorkingHours h = hours.get();
        var shift =
            new PlanShift(
                t.userId(),
                t.displayName(),
                new HashSet<>(t.skills()),
                t.home(),
                day,
                false,
                minutes(day.atTime(h.starts()).atZone(t.timeZone()).toInstant()),
                minutes(day.atTime(h.ends()).atZone(t.timeZone()).toInstant()),
                van,
                travel);
        shifts.add(shift);
        byKey.put(t.userId() + "@" + day, shift);
      }
    }
    var visits = new ArrayList<PlanVisit>();
    var placed = new HashMap<PlanShift, List<DispatchOrder>>();
    for (DispatchOrder o : open) {
      boolean started = o.status().started();
      visits.add(
          new PlanVisit(
              o.id(),
              o.site(),
              new HashSet<>(o.requiredSkills()),
              o.durationMinutes(),
              minutes(o.windowStart()),
              minutes(o.windowEnd()),
              o.priority(),
              o.parts(),
              started || o.pinned() ? o.technicianId() : null));
      if (o.technicianId() != null) {
        PlanShift s =
            byKey.get(o.technicianId() + "@" + o.plannedStart().atZone(zone).toLocalDate());
        if (s != null) {
          placed.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        }
      }
    }
    Map<Long, PlanVisit> visitById = new HashMap<>();
    visits.forEach(v -> visitById.put(v.getOrderId(), v));
    placed.forEach(
        (shift, list) -> {
          // Started visits first (they are under way), then the rest in their planned order.
          list.sort(
              Comparator.comparing((DispatchOrder o) -> !o.status().started())
                  .thenComparing(DispatchOrder::plannedStart));
          shift.setVisits(new ArrayList<>(list.stream().map(o -> visitById.get(o.id())).toList()));
          shift.setPinnedCount((int) list.stream().filter(o -> o.status().started()).count());
        });
    return new DispatchPlan(shifts, visits);
  }

  /**
   * Applies a proposal: orders whose technician or start changed are (re)scheduled with their
   * explanation, orders left out are unscheduled, started orders are never touched, and each
   * customer whose visit moved gets a follow-up owned by the accepting dispatcher.
   */
  public Applied accept(Proposal proposal, Actor actor) {
    var changed = new ArrayList<PlanVisit>();
    var unscheduled = new ArrayList<Long>();
    var calls = new ArrayList<Long>();
    Map<Long, DispatchOrder> before = new HashMap<>();
    for (PlanVisit v : proposal.plan().getVisits()) {
      DispatchOrder o = dispatch.get(v.getOrderId(), actor);
      before.put(o.id(), o);
      if (!o.status().open() || o.status().started()) {
        continue;
      }
      if (v.getShift() == null) {
        if (o.status() == DispatchStatus.SCHEDULED) {
          dispatch.unschedule(o.id(), LEFT_OUT, actor);
          unscheduled.add(o.id());
          calls.add(call(o, "is no longer planned", actor));
        }
        continue;
      }
      Instant start = Instant.ofEpochSecond(v.getStart() * 60);
      if (o.technicianId() == null
          || o.technicianId() != v.getShift().getTechnicianId()
          || !start.equals(o.plannedStart())) {
        changed.add(v);
      }
    }
    // Give back every moved order's parts first, so a swap of two vans' orders can reserve.
    changed.forEach(v -> stock.releaseFor(v.getOrderId()));
    var scheduled = new ArrayList<Long>();
    for (PlanVisit v : changed) {
      Instant start = Instant.ofEpochSecond(v.getStart() * 60);
      DispatchOrder o = before.get(v.getOrderId());
      dispatch.schedule(
          o.id(),
          v.getShift().getTechnicianId(),
          start,
          proposal.explanation().perOrder().get(o.id()),
          actor);
      scheduled.add(o.id());
      if (o.plannedStart() != null
          && Duration.between(o.plannedStart(), start).abs().compareTo(MOVED) >= 0) {
        calls.add(call(o, "moved from " + o.plannedStart() + " to " + start, actor));
      }
    }
    log.info(
        "Plan {}..{} accepted: {} scheduled, {} unscheduled, {} customers to call",
        proposal.from(),
        proposal.to(),
        scheduled.size(),
        unscheduled.size(),
        calls.size());
    return new Applied(scheduled, unscheduled, calls);
  }

  private long call(DispatchOrder o, String what, Actor actor) {
    return followUps
        .create(
            new FollowUpDraft(
                "Call " + o.customerName() + ": technician visit " + what,
                "Dispatch order " + o.id() + " was re-planned; confirm the new time with them.",
                clock.instant().plus(Duration.ofMinutes(30)),
                actor.userId(),
                null,
                o.customerId(),
                o.ticketId()),
            actor.userId())
        .id();
  }

  private static long minutes(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 60);
  }
}
