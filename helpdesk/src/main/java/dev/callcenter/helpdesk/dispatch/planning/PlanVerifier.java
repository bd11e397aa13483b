package dev.callcenter.helpdesk.dispatch.planning;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a plan's hard rules from its facts and the order of each shift's visits alone, without the
 * solver's shadow variables or score: the independent judge for tests, the benchmark and the greedy
 * baseline.
 */
public final class PlanVerifier {

  private PlanVerifier() {}

  /** One broken hard rule. */
  public record Violation(String rule, long orderId, String detail) {}

  public static List<Violation> violations(List<PlanShift> shifts, List<PlanVisit> visits) {
    var found = new ArrayList<Violation>();
    Map<String, Integer> used = new HashMap<>();
    Map<Long, PlanShift> placed = new HashMap<>();
    for (PlanShift s : shifts) {
      long clock = s.getStart();
      GeoPoint at = s.getHome();
      for (PlanVisit v : s.getVisits()) {
        if (placed.put(v.getOrderId(), s) != null) {
          found.add(new Violation("placed once", v.getOrderId(), "in two shifts"));
        }
        long arrival = clock + s.getTravel().minutes(at, v.getSite());
        long start = Math.max(arrival, v.getWindowStart());
        long end = start + v.getDuration();
        if (!s.getSkills().containsAll(v.getSkills())) {
          found.add(
              new Violation(
                  "skills", v.getOrderId(), s.getSkills() + " lacks some of " + v.getSkills()));
        }
        if (start > v.getWindowEnd()) {
          found.add(
              new Violation(
                  "window", v.getOrderId(), "starts " + (start - v.getWindowEnd()) + " min late"));
        }
        if (start < v.getWindowStart()) {
          found.add(new Violation("window", v.getOrderId(), "starts before the window"));
        }
        if (start < s.getStart() || end > s.getEnd()) {
          found.add(new Violation("hours", v.getOrderId(), "outside the shift " + s.getId()));
        }
        if (s.isDayOff()) {
          found.add(new Violation("day off", v.getOrderId(), s.getId() + " is a day off"));
        }
        if (v.getPinnedTechnicianId() != null
            && !Objects.equals(v.getPinnedTechnicianId(), s.getTechnicianId())) {
          found.add(new Violation("pinned", v.getOrderId(), "moved off its technician"));
        }
        for (PartQuantity p : v.getParts()) {
          used.merge(s.getTechnicianId() + "/" + p.partId(), p.quantity(), Integer::sum);
          int have = s.getVanStock().getOrDefault(p.partId(), 0);
          if (used.get(s.getTechnicianId() + "/" + p.partId()) > have) {
            found.add(new Violation("parts", v.getOrderId(), "van lacks part " + p.partId()));
          }
        }
        clock = end;
        at = v.getSite();
      }
    }
    for (PlanVisit v : visits) {
      if (v.getPinnedTechnicianId() != null && !placed.containsKey(v.getOrderId())) {
        found.add(new Violation("pinned", v.getOrderId(), "pinned but left unassigned"));
      }
    }
    return found;
  }
}
