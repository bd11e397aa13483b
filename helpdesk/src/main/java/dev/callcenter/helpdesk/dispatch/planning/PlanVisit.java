package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import java.util.List;
import java.util.Set;

/**
 * One dispatch order to be served; the solver places it in a shift's list. Its arrival is derived
 * (a shadow variable) from the previous stop's end and the drive from there. Times are epoch
 * minutes.
 */
@PlanningEntity
public class PlanVisit {

  @PlanningId private Long orderId;
  private GeoPoint site;
  private Set<String> skills;
  private int duration;
  private long windowStart;
  private long windowEnd;
  private int priority;
  private List<PartQuantity> parts;
  private Long pinnedTechnicianId;

  private TravelMatrix matrix;
  private int location;

  @InverseRelationShadowVariable(sourceVariableName = "visits")
  private PlanShift shift;

  @PreviousElementShadowVariable(sourceVariableName = "visits")
  private PlanVisit previous;

  @NextElementShadowVariable(sourceVariableName = "visits")
  private PlanVisit next;

  @ShadowVariable(supplierName = "arrivalSupplier")
  private Long arrival;

  public PlanVisit() {}

  /**
   * @param pinnedTechnicianId the technician it must stay with, null when free to move
   */
  public PlanVisit(
      long orderId,
      GeoPoint site,
      Set<String> skills,
      int duration,
      long windowStart,
      long windowEnd,
      int priority,
      List<PartQuantity> parts,
      Long pinnedTechnicianId) {
    this.orderId = orderId;
    this.site = site;
    this.skills = Set.copyOf(skills);
    this.duration = duration;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.priority = priority;
    this.parts = List.copyOf(parts);
    this.pinnedTechnicianId = pinnedTechnicianId;
  }

  @ShadowSources({"shift", "previous.arrival"})
  public Long arrivalSupplier() {
    if (shift == null) {
      return null;
    }
    if (previous == null) {
      return shift.getStart() + shift.minutesFromHome(this);
    }
    if (previous.getArrival() == null) {
      return null;
    }
    return previous.getEnd() + shift.minutesBetween(previous, this);
  }

  /** Numbered in the plan's {@link TravelMatrix}. */
  void locate(TravelMatrix matrix, int location) {
    this.matrix = matrix;
    this.location = location;
  }

  TravelMatrix matrix() {
    return matrix;
  }

  int location() {
    return location;
  }

  /** Minutes driven to get here from the previous stop (or home). */
  public long travelFromPrevious() {
    if (shift == null) {
      return 0;
    }
    return previous == null ? shift.minutesFromHome(this) : shift.minutesBetween(previous, this);
  }

  /** Work starts on arrival, or at the window's start when the technician is early. */
  public long getStart() {
    return Math.max(arrival, windowStart);
  }

  public long getEnd() {
    return getStart() + duration;
  }

  public boolean isAssigned() {
    return shift != null && arrival != null;
  }

  public boolean isLastInShift() {
    return shift != null && next == null;
  }

  public Long getOrderId() {
    return orderId;
  }

  public GeoPoint getSite() {
    return site;
  }

  public Set<String> getSkills() {
    return skills;
  }

  public int getDuration() {
    return duration;
  }

  public long getWindowStart() {
    return windowStart;
  }

  public long getWindowEnd() {
    return windowEnd;
  }

  public int getPriority() {
    return priority;
  }

  public List<PartQuantity> getParts() {
    return parts;
  }

  public Long getPinnedTechnicianId() {
    return pinnedTechnicianId;
  }

  public PlanShift getShift() {
    return shift;
  }

  public void setShift(PlanShift shift) {
    this.shift = shift;
  }

  public PlanVisit getPrevious() {
    return previous;
  }

  public void setPrevious(PlanVisit previous) {
    this.previous = previous;
  }

  public PlanVisit getNext() {
    return next;
  }

  public void setNext(PlanVisit next) {
    this.next = next;
  }

  public Long getArrival() {
    return arrival;
  }

  public void setArrival(Long arrival) {
    this.arrival = arrival;
  }

  @Override
  public String toString() {
    return "order " + orderId;
  }
}
