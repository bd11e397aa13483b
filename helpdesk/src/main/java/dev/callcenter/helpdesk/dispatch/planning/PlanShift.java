package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One technician's working day, the "vehicle" of the routing model: it leaves the home base at the
 * shift start and serves its list of visits in order. The first {@code pinnedCount} visits (those
 * already started) stay where they are.
 */
@PlanningEntity
public class PlanShift {

  @PlanningId private String id;
  private long technicianId;
  private String technicianName;
  private Set<String> skills;
  private GeoPoint home;
  private LocalDate day;
  private boolean dayOff;
  private long start;
  private long end;
  private Map<Long, Integer> vanStock;
  private TravelModel travel;

  private TravelMatrix matrix;
  private int location;

  @PlanningListVariable(allowsUnassignedValues = true)
  private List<PlanVisit> visits = new ArrayList<>();

  @PlanningPinToIndex private int pinnedCount;

  public PlanShift() {}

  /**
   * @param start shift start in epoch minutes
   * @param end shift end in epoch minutes
   * @param vanStock units per part id in the technician's van, shared by all their shifts
   * @param dayOff the technician is off that day (a shift that must stay empty)
   */
  public PlanShift(
      long technicianId,
      String technicianName,
      Set<String> skills,
      GeoPoint home,
      LocalDate day,
      boolean dayOff,
      long start,
      long end,
      Map<Long, Integer> vanStock,
      TravelModel travel) {
    this.id = technicianId + "@" + day;
    this.technicianId = technicianId;
    this.technicianName = technicianName;
    this.skills = Set.copyOf(skills);
    this.home = home;
    this.day = day;
    this.dayOff = dayOff;
    this.start = start;
    this.end = end;
    this.vanStock = vanStock;
    this.travel = travel;
  }

  /** Numbered in the plan's {@link TravelMatrix} (null: computed from the travel model). */
  void locate(TravelMatrix matrix, int location) {
    this.matrix = matrix;
    this.location = location;
  }

  /** Minutes from the home base to the visit's site. */
  long minutesFromHome(PlanVisit to) {
    return matrix != null && to.matrix() == matrix
        ? matrix.minutes(location, to.location())
        : travel.minutes(home, to.getSite());
  }

  /** Minutes from the visit's site back to the home base. */
  long minutesHome(PlanVisit from) {
    return matrix != null && from.matrix() == matrix
        ? matrix.minutes(from.location(), location)
        : travel.minutes(from.getSite(), home);
  }

  /** Minutes from one visit's site to another's, as this shift's technician drives. */
  long minutesBetween(PlanVisit from, PlanVisit to) {
    return matrix != null && from.matrix() == matrix && to.matrix() == matrix
        ? matrix.minutes(from.location(), to.location())
        : travel.minutes(from.getSite(), to.getSite());
  }

  /** Minutes driven: home, every visit in order, home again. */
  public long travelMinutes() {
    long total = 0;
    GeoPoint at = home;
    for (PlanVisit v : visits) {
      total += travel.minutes(at, v.getSite());
      at = v.getSite();
    }
    return visits.isEmpty() ? 0 : total + travel.minutes(at, home);
  }

  /** Kilometres driven, as {@link #travelMinutes()}. */
  public double travelKm() {
    double total = 0;
    GeoPoint at = home;
    for (PlanVisit v : visits) {
      total += travel.kilometres(at, v.getSite());
      at = v.getSite();
    }
    return visits.isEmpty() ? 0 : total + travel.kilometres(at, home);
  }

  public String getId() {
    return id;
  }

  public long getTechnicianId() {
    return technicianId;
  }

  public String getTechnicianName() {
    return technicianName;
  }

  public Set<String> getSkills() {
    return skills;
  }

  public GeoPoint getHome() {
    return home;
  }

  public LocalDate getDay() {
    return day;
  }

  public boolean isDayOff() {
    return dayOff;
  }

  public long getStart() {
    return start;
  }

  public long getEnd() {
    return end;
  }

  public Map<Long, Integer> getVanStock() {
    return vanStock;
  }

  public TravelModel getTravel() {
    return travel;
  }

  public List<PlanVisit> getVisits() {
    return visits;
  }

  public void setVisits(List<PlanVisit> visits) {
    this.visits = visits;
  }

  public int getPinnedCount() {
    return pinnedCount;
  }

  public void setPinnedCount(int pinnedCount) {
    this.pinnedCount = pinnedCount;
  }

  @Override
  public String toString() {
    return id;
  }
}
