package dev.callcenter.helpdesk.dispatch.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each order went where it went, and why the others did not go anywhere, recomputed from the
 * plan with the same arithmetic as {@link DispatchConstraints}. (Timefold's own score analysis is a
 * commercial feature in 2.x, so the explanation is ours.)
 *
 * @param perOrder a sentence per assigned order: technician, skills, drive, slot against window
 * @param unassigned a reason per order left out, as a code the pages translate
 * @param softByRule the plan's minutes of driving ({@link DispatchConstraints#TRAVEL}, priced on
 *     the medium level since ADR 0030) and lateness points, for the dispatcher
 */
public record PlanExplanation(
    Map<Long, String> perOrder,
    Map<Long, UnassignedReason> unassigned,
    Map<String, Long> softByRule) {

  /** Why an order has no place in a plan, checked in this order. */
  public enum UnassignedReason {
    /** No working technician has every skill it needs. */
    NO_SKILLS,
    /** No skilled technician's hours overlap the promised window. */
    NO_HOURS,
    /** No skilled technician's van carries its parts. */
    NO_PARTS,
    /** Every skilled technician's day is full within the window. */
    NO_ROOM,
    /**
     * A skilled technician has room for it, but the detour costs more driving than an order is
     * worth ({@code dispatch.order-worth-minutes}, ADR 0030).
     */
    TOO_FAR,
    /** Nothing rules it out: it has not been planned yet (the board's answer before a solve). */
    NOT_PLANNED
  }

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

  public static PlanExplanation of(DispatchPlan plan, ZoneId zone) {
    var perOrder = new LinkedHashMap<Long, String>();
    long travel = 0;
    long late = 0;
    for (PlanShift s : plan.getShifts()) {
      long clock = s.getStart();
      var at = s.getHome();
      int position = 0;
      for (PlanVisit v : s.getVisits()) {
        position++;
        long drive = s.getTravel().minutes(at, v.getSite());
        long start = Math.max(clock + drive, v.getWindowStart());
        long lateBy = start - v.getWindowStart();
        travel += drive;
        late += lateBy / DispatchConstraints.LATE_MINUTES_PER_POINT;
        perOrder.put(
            v.getOrderId(),
            "%s (skills %s cover %s): stop %d, %d min drive from the %s, starts %s, %s; %d late points"
                .formatted(
                    s.getTechnicianName(),
                    s.getSkills().stream().sorted().toList(),
                    v.getSkills().stream().sorted().toList(),
                    position,
                    drive,
                    position == 1 ? "home base" : "previous stop",
                    time(start, zone),
                    lateBy == 0
                        ? "at the window's start"
                        : lateBy + " min into the window ending " + time(v.getWindowEnd(), zone),
                    lateBy / DispatchConstraints.LATE_MINUTES_PER_POINT));
        clock = start + v.getDuration();
        at = v.getSite();
      }
      if (!s.getVisits().isEmpty()) {
        travel += s.getTravel().minutes(at, s.getHome());
      }
    }
    var unassigned = new LinkedHashMap<Long, UnassignedReason>();
    for (PlanVisit v : plan.getVisits()) {
      if (v.getShift() == null) {
        unassigned.put(v.getOrderId(), reason(v, plan.getShifts()));
      }
    }
    var soft = new LinkedHashMap<String, Long>();
    soft.put(DispatchConstraints.TRAVEL, travel);
    soft.put(DispatchConstraints.LATENESS, late);
    return new PlanExplanation(perOrder, unassigned, soft);
  }

  /**
   * The first thing that rules the order out of these shifts, {@link UnassignedReason#TOO_FAR} when
   * it would fit as the routes are, or {@link UnassignedReason#NO_ROOM} when only the others' work
   * keeps it out.
   */
  public static UnassignedReason reason(PlanVisit v, List<PlanShift> shifts) {
    List<PlanShift> skilled = new ArrayList<>();
    for (PlanShift s : shifts) {
      if (s.getSkills().containsAll(v.getSkills()) && !s.isDayOff()) {
        skilled.add(s);
      }
    }
    if (skilled.isEmpty()) {
      return UnassignedReason.NO_SKILLS;
    }
    boolean windowFits =
        skilled.stream()
            .anyMatch(
                s ->
                    v.getWindowEnd() >= s.getStart()
                        && Math.max(s.getStart(), v.getWindowStart()) + v.getDuration()
                            <= s.getEnd());
    if (!windowFits) {
      return UnassignedReason.NO_HOURS;
    }
    boolean parts =
        skilled.stream()
            .anyMatch(
                s ->
                    v.getParts().stream()
                        .allMatch(
                            p -> s.getVanStock().getOrDefault(p.partId(), 0) >= p.quantity()));
    if (!parts) {
      return UnassignedReason.NO_PARTS;
    }
    return InsertionRepair.fits(shifts, v) ? UnassignedReason.TOO_FAR : UnassignedReason.NO_ROOM;
  }

  private static String time(long epochMinutes, ZoneId zone) {
    return HHMM.format(Instant.ofEpochSecond(epochMinutes * 60).atZone(zone));
  }
}
