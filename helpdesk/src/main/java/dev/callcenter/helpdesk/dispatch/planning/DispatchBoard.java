package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.OrderQuery;
import dev.callcenter.helpdesk.dispatch.Technician;
import dev.callcenter.helpdesk.dispatch.TechnicianService;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import dev.callcenter.helpdesk.dispatch.WorkingHours;
import dev.callcenter.helpdesk.dispatch.planning.PlanExplanation.UnassignedReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dispatcher's board of one day as stored: each technician's visits in order with the drive to
 * each, and the open orders of the day nobody has, each with why (what rules it out, or that it is
 * not planned yet).
 */
public final class DispatchBoard {

  /** The day's board; {@code zone} is the planning zone the day is read in. */
  public record Board(
      LocalDate day, String zone, List<Route> technicians, List<Visit> unassigned) {}

  /**
   * One technician's day.
   *
   * @param working false on a day off or an unworked weekday (shift times are then null)
   * @param travelMinutes driving from home through every visit and back
   */
  public record Route(
      long technicianId,
      String name,
      List<String> skills,
      boolean working,
      Instant shiftStart,
      Instant shiftEnd,
      List<Visit> visits,
      long travelMinutes,
      long driveHomeMinutes) {}

  /**
   * An order on the board.
   *
   * @param driveMinutes from the previous stop (or home); null when unassigned
   * @param late planned to start after the promised window ends
   * @param reason why it is unassigned; null when it has a technician
   */
  public record Visit(
      long orderId,
      long ticketId,
      String customerName,
      String siteAddress,
      Instant windowStart,
      Instant windowEnd,
      int durationMinutes,
      int priority,
      List<String> requiredSkills,
      DispatchStatus status,
      boolean pinned,
      Long technicianId,
      Instant plannedStart,
      Instant plannedEnd,
      Long driveMinutes,
      boolean late,
      UnassignedReason reason) {}

  private static final int MAX_ORDERS = 2000;

  private final DispatchService dispatch;
  private final TechnicianService technicians;
  private final Replanning replanning;
  private final TravelModel travel;
  private final ZoneId zone;

  public DispatchBoard(
      DispatchService dispatch,
      TechnicianService technicians,
      Replanning replanning,
      TravelModel travel,
      ZoneId zone) {
    this.dispatch = dispatch;
    this.technicians = technicians;
    this.replanning = replanning;
    this.travel = travel;
    this.zone = zone;
  }

  public Board day(LocalDate day) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<DispatchOrder> orders =
        dispatch.list(new OrderQuery(from, to, null, null, null, MAX_ORDERS), Actor.system());
    Map<Long, List<DispatchOrder>> byTechnician = new HashMap<>();
    List<DispatchOrder> open = new ArrayList<>();
    for (DispatchOrder o : orders) {
      if (o.status() == DispatchStatus.CANCELLED) {
        continue;
      }
      if (o.technicianId() != null && o.plannedStart() != null) {
        if (!o.plannedStart().isBefore(from) && o.plannedStart().isBefore(to)) {
          byTechnician.computeIfAbsent(o.technicianId(), k -> new ArrayList<>()).add(o);
        }
      } else if (o.status() == DispatchStatus.UNSCHEDULED) {
        open.add(o);
      }
    }
    List<Route> routes = new ArrayList<>();
    for (Technician t : technicians.list()) {
      List<DispatchOrder> mine = new ArrayList<>(byTechnician.getOrDefault(t.userId(), List.of()));
      mine.sort(Comparator.comparing(DispatchOrder::plannedStart));
      routes.add(route(t, day, mine));
    }
    routes.sort(Comparator.comparing(Route::name).thenComparing(Route::technicianId));
    return new Board(day, zone.getId(), routes, unassigned(day, open));
  }

  private Route route(Technician t, LocalDate day, List<DispatchOrder> mine) {
    var shift = t.shiftOn(day);
    Instant start = shift.map(h -> at(day, h, true, t)).orElse(null);
    Instant end = shift.map(h -> at(day, h, false, t)).orElse(null);
    List<Visit> visits = new ArrayList<>();
    GeoPoint at = t.home();
    long total = 0;
    for (DispatchOrder o : mine) {
      long drive = travel.minutes(at, o.site());
      total += drive;
      visits.add(visit(o, drive, null));
      at = o.site();
    }
    long home = mine.isEmpty() ? 0 : travel.minutes(at, t.home());
    return new Route(
        t.userId(),
        t.displayName(),
        t.skills(),
        shift.isPresent(),
        start,
        end,
        visits,
        total + home,
        home);
  }

  private static Instant at(LocalDate day, WorkingHours h, boolean starts, Technician t) {
    return day.atTime(starts ? h.starts() : h.ends()).atZone(t.timeZone()).toInstant();
  }

  /**
   * Why each open order has nobody: the first rule that keeps every working technician from it,
   * {@code NO_ROOM} or {@code TOO_FAR} when the last accepted plan left it out for lack of room or
   * as not worth the drive, else {@code NOT_PLANNED}.
   */
  private List<Visit> unassigned(LocalDate day, List<DispatchOrder> open) {
    if (open.isEmpty()) {
      return List.of();
    }
    DispatchPlan problem = replanning.problem(day, day);
    Map<Long, PlanVisit> byId = new HashMap<>();
    problem.getVisits().forEach(v -> byId.put(v.getOrderId(), v));
    List<Visit> out = new ArrayList<>();
    for (DispatchOrder o : open) {
      PlanVisit v = byId.get(o.id());
      UnassignedReason reason =
          v == null ? UnassignedReason.NOT_PLANNED : PlanExplanation.reason(v, problem.getShifts());
      if ((reason == UnassignedReason.NO_ROOM || reason == UnassignedReason.TOO_FAR)
          && !Objects.equals(o.explanation(), Replanning.LEFT_OUT)) {
        reason = UnassignedReason.NOT_PLANNED;
      }
      out.add(visit(o, null, reason));
    }
    out.sort(
        Comparator.comparing((Visit x) -> -x.priority())
            .thenComparing(Visit::windowStart)
            .thenComparing(Visit::orderId));
    return out;
  }

  private static Visit visit(DispatchOrder o, Long drive, UnassignedReason reason) {
    return new Visit(
        o.id(),
        o.ticketId(),
        o.customerName(),
        o.siteAddress(),
        o.windowStart(),
        o.windowEnd(),
        o.durationMinutes(),
        o.priority(),
        o.requiredSkills(),
        o.status(),
        o.pinned(),
        o.technicianId(),
        o.plannedStart(),
        o.plannedEnd(),
        drive,
        o.plannedStart() != null && o.plannedStart().isAfter(o.windowEnd()),
        reason);
  }
}
