package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/** The planning problem and, once solved, its answer: shifts with ordered visits. */
@PlanningSolution
public class DispatchPlan {

  @PlanningEntityCollectionProperty private List<PlanShift> shifts;

  @PlanningEntityCollectionProperty @ValueRangeProvider private List<PlanVisit> visits;

  @PlanningScore private HardMediumSoftScore score;

  public DispatchPlan() {}

  public DispatchPlan(List<PlanShift> shifts, List<PlanVisit> visits) {
    this.shifts = shifts;
    this.visits = visits;
    TravelMatrix.attach(shifts, visits);
  }

  public List<PlanShift> getShifts() {
    return shifts;
  }

  public List<PlanVisit> getVisits() {
    return visits;
  }

  public HardMediumSoftScore getScore() {
    return score;
  }

  public void setScore(HardMediumSoftScore score) {
    this.score = score;
  }

  public long unassignedCount() {
    return visits.stream().filter(v -> v.getShift() == null).count();
  }

  public long travelMinutes() {
    return shifts.stream().mapToLong(PlanShift::travelMinutes).sum();
  }

  public double travelKm() {
    return shifts.stream().mapToDouble(PlanShift::travelKm).sum();
  }
}
