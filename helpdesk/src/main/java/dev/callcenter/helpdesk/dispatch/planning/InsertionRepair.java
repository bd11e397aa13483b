package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first step of re-planning a day that has routes (an emergency order, a technician off sick):
 * each order nobody has, most important first, goes where it fits with the least extra driving if
 * the order is worth that driving (ADR 0030); if it fits nowhere, it takes the place of a less
 * important visit whose removal makes room (never a started or pinned one), the one that lowers the
 * medium score most, if any does. Each step keeps every hard rule and lowers the medium score (an
 * order served for less than it is worth, or a more important one instead of another); local search
 * then polishes the plan. Milliseconds where the construction heuristic, trying every left-out
 * order in every position of a full day, takes seconds and cannot displace anything.
 */
final class InsertionRepair {

  private InsertionRepair() {}

  /** A place for an order: in a shift at a position, instead of {@code displaced} if not null. */
  private record Place(PlanShift shift, int position, PlanVisit displaced, long extraMinutes) {}

  /** Repairs the plan's routes in place; answers how many orders it placed. */
  static int apply(DispatchPlan plan) {
    long pointsPerMinute = DispatchConstraints.travelPoints(plan.getOrderWorthMinutes());
    Set<PlanVisit> placed = new HashSet<>();
    Map<String, Integer> partsUsed = partsUsed(plan.getShifts());
    plan.getShifts().forEach(s -> placed.addAll(s.getVisits()));
    List<PlanVisit> open = new ArrayList<>();
    for (PlanVisit v : plan.getVisits()) {
      if (!placed.contains(v)) {
        open.add(v);
      }
    }
    open.sort(
        Comparator.comparingInt(PlanVisit::getPriority)
            .reversed()
            .thenComparing(PlanVisit::getOrderId));
    int count = 0;
    for (PlanVisit v : open) {
      Place best = null;
      for (PlanShift s : plan.getShifts()) {
        if (!allowed(s, v, null, partsUsed)) {
          continue;
        }
        best = better(best, insertion(s, v, null));
      }
      if (best != null) {
        if (best.extraMinutes() * pointsPerMinute >= DispatchConstraints.leftOutCost(v)) {
          continue; // room for it, but not worth the drive
        }
      } else {
        long bestGain = 0;
        for (PlanShift s : plan.getShifts()) {
          List<PlanVisit> route = s.getVisits();
          long now = travel(s, route);
          for (int i = s.getPinnedCount(); i < route.size(); i++) {
            PlanVisit u = route.get(i);
            if (u.getPinnedTechnicianId() != null
                || u.getPriority() >= v.getPriority()
                || !allowed(s, v, u, partsUsed)) {
              continue;
            }
            Place p = insertion(s, v, u);
            if (p == null) {
              continue;
            }
            List<PlanVisit> rest = new ArrayList<>(route);
            rest.remove(u);
            long moreDriving = travel(s, rest) + p.extraMinutes() - now;
            // The medium score's change: u is left out instead of v, and the route drives more.
            long gain =
                DispatchConstraints.leftOutCost(v)
                    - DispatchConstraints.leftOutCost(u)
                    - pointsPerMinute * moreDriving;
            if (gain > bestGain) {
              best = p;
              bestGain = gain;
            }
          }
        }
      }
      if (best == null) {
        continue;
      }
      List<PlanVisit> route = new ArrayList<>(best.shift().getVisits());
      if (best.displaced() != null) {
        route.remove(best.displaced());
        addParts(partsUsed, best.shift(), best.displaced(), -1);
      }
      route.add(best.position(), v);
      best.shift().setVisits(route);
      addParts(partsUsed, best.shift(), v, 1);
      count++;
    }
    return count;
  }

  /**
   * Whether {@code v} fits into one of the shifts as they are (skills, parts left in the van,
   * window and hours) without taking another visit's place.
   */
  static boolean fits(List<PlanShift> shifts, PlanVisit v) {
    Map<String, Integer> used = partsUsed(shifts);
    return shifts.stream()
        .anyMatch(s -> allowed(s, v, null, used) && insertion(s, v, null) != null);
  }

  private static Map<String, Integer> partsUsed(List<PlanShift> shifts) {
    Map<String, Integer> used = new HashMap<>();
    for (PlanShift s : shifts) {
      for (PlanVisit v : s.getVisits()) {
        addParts(used, s, v, 1);
      }
    }
    return used;
  }

  private static Place better(Place best, Place candidate) {
    if (candidate == null) {
      return best;
    }
    return best == null || candidate.extraMinutes() < best.extraMinutes() ? candidate : best;
  }

  /** Skills, day off, the pin and the van's parts (with {@code without}'s parts given back). */
  private static boolean allowed(
      PlanShift s, PlanVisit v, PlanVisit without, Map<String, Integer> partsUsed) {
    if (s.isDayOff() || !s.getSkills().containsAll(v.getSkills())) {
      return false;
    }
    if (v.getPinnedTechnicianId() != null && v.getPinnedTechnicianId() != s.getTechnicianId()) {
      return false;
    }
    for (PartQuantity p : v.getParts()) {
      int used = partsUsed.getOrDefault(key(s, p.partId()), 0);
      if (without != null) {
        used -=
            without.getParts().stream()
                .filter(q -> q.partId() == p.partId())
                .mapToInt(PartQuantity::quantity)
                .sum();
      }
      if (used + p.quantity() > s.getVanStock().getOrDefault(p.partId(), 0)) {
        return false;
      }
    }
    return true;
  }

  /** The cheapest feasible position for {@code v} in {@code s} (without {@code displaced}). */
  private static Place insertion(PlanShift s, PlanVisit v, PlanVisit displaced) {
    List<PlanVisit> route = new ArrayList<>(s.getVisits());
    if (displaced != null) {
      route.remove(displaced);
    }
    long before = travel(s, route);
    Place best = null;
    for (int pos = Math.min(s.getPinnedCount(), route.size()); pos <= route.size(); pos++) {
      route.add(pos, v);
      if (feasible(s, route)) {
        long extra = travel(s, route) - before;
        if (best == null || extra < best.extraMinutes()) {
          best = new Place(s, pos, displaced, extra);
        }
      }
      route.remove(pos);
    }
    return best;
  }

  /** Every visit starts within its window and ends within the shift (as {@link PlanVerifier}). */
  private static boolean feasible(PlanShift s, List<PlanVisit> route) {
    long clock = s.getStart();
    GeoPoint at = s.getHome();
    for (PlanVisit v : route) {
      long start = Math.max(clock + s.getTravel().minutes(at, v.getSite()), v.getWindowStart());
      if (start > v.getWindowEnd() || start + v.getDuration() > s.getEnd()) {
        return false;
      }
      clock = start + v.getDuration();
      at = v.getSite();
    }
    return true;
  }

  private static long travel(PlanShift s, List<PlanVisit> route) {
    long total = 0;
    GeoPoint at = s.getHome();
    for (PlanVisit v : route) {
      total += s.getTravel().minutes(at, v.getSite());
      at = v.getSite();
    }
    return route.isEmpty() ? 0 : total + s.getTravel().minutes(at, s.getHome());
  }

  private static void addParts(Map<String, Integer> used, PlanShift s, PlanVisit v, int sign) {
    for (PartQuantity p : v.getParts()) {
      used.merge(key(s, p.partId()), sign * p.quantity(), Integer::sum);
    }
  }

  private static String key(PlanShift s, long partId) {
    return s.getTechnicianId() + "/" + partId;
  }
}
