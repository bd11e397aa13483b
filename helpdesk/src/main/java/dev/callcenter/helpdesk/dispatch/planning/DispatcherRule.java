package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dispatcher's rule of thumb: the technician free earliest takes the skilled, feasible order
 * they can start soonest (tie: the nearest); a technician with nothing feasible left is done for
 * the day. Feasible means the same hard rules as the planner's: skills, start within the window,
 * work ends within the shift, no day off, van stock. Writes the routes into the plan's shifts, so
 * {@code PlanVerifier} checks them. It is the benchmark's baseline and the {@link Planner}'s
 * starting point for a day nothing is placed on yet (the search then only improves on it).
 */
public final class DispatcherRule {

  /** What the rule left undone. */
  public record Result(int unassigned, long unassignedPriority, long millis) {}

  private DispatcherRule() {}

  /** Fills the plan's (empty) shifts by the rule; visits pinned to a technician are left out. */
  public static Result plan(DispatchPlan plan) {
    long started = System.nanoTime();
    List<PlanShift> shifts = plan.getShifts().stream().filter(s -> !s.isDayOff()).toList();
    Map<PlanShift, Long> freeAt = new HashMap<>();
    Map<PlanShift, GeoPoint> at = new HashMap<>();
    Map<PlanShift, Map<Long, Integer>> van = new HashMap<>();
    Map<PlanShift, List<PlanVisit>> routes = new HashMap<>();
    for (PlanShift s : shifts) {
      freeAt.put(s, s.getStart());
      at.put(s, s.getHome());
      van.put(s, new HashMap<>(s.getVanStock()));
      routes.put(s, new ArrayList<>());
    }
    Set<PlanVisit> open = new HashSet<>(plan.getVisits());
    // Pinned visits are the solver's to place with their technician (a hard rule).
    open.removeIf(v -> v.getPinnedTechnicianId() != null);
    Set<PlanShift> working = new HashSet<>(shifts);
    while (!working.isEmpty() && !open.isEmpty()) {
      PlanShift s = null;
      for (PlanShift candidate : working) {
        if (s == null
            || freeAt.get(candidate) < freeAt.get(s)
            || (freeAt.get(candidate).equals(freeAt.get(s))
                && candidate.getTechnicianId() < s.getTechnicianId())) {
          s = candidate;
        }
      }
      PlanVisit best = null;
      long bestStart = Long.MAX_VALUE;
      long bestDrive = Long.MAX_VALUE;
      for (PlanVisit v : open) {
        if (!s.getSkills().containsAll(v.getSkills()) || !hasParts(van.get(s), v)) {
          continue;
        }
        long drive = s.getTravel().minutes(at.get(s), v.getSite());
        long start = Math.max(freeAt.get(s) + drive, v.getWindowStart());
        if (start > v.getWindowEnd() || start + v.getDuration() > s.getEnd()) {
          continue;
        }
        if (start < bestStart
            || (start == bestStart && drive < bestDrive)
            || (start == bestStart && drive == bestDrive && v.getOrderId() < best.getOrderId())) {
          best = v;
          bestStart = start;
          bestDrive = drive;
        }
      }
      if (best == null) {
        working.remove(s);
        continue;
      }
      open.remove(best);
      routes.get(s).add(best);
      freeAt.put(s, bestStart + best.getDuration());
      at.put(s, best.getSite());
      for (PartQuantity p : best.getParts()) {
        van.get(s).merge(p.partId(), -p.quantity(), Integer::sum);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    routes.forEach(PlanShift::setVisits);
    return new Result(open.size(), open.stream().mapToLong(PlanVisit::getPriority).sum(), millis);
  }

  private static boolean hasParts(Map<Long, Integer> van, PlanVisit v) {
    return v.getParts().stream().allMatch(p -> van.getOrDefault(p.partId(), 0) >= p.quantity());
  }
}
