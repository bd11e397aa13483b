package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The planning problem and, once solved, its answer: shifts with ordered visits. */
@PlanningSolution
public class DispatchPlan {

  @PlanningEntityCollectionProperty private List<PlanShift> shifts;

  @PlanningEntityCollectionProperty @ValueRangeProvider private List<PlanVisit> visits;

  @PlanningScore private HardMediumSoftScore score;

  /** The price of a minute of driving (Timefold finds the field by its type). */
  private ConstraintWeightOverrides<HardMediumSoftScore> weights = ConstraintWeightOverrides.none();

  private int orderWorthMinutes = DispatchConstraints.DEFAULT_ORDER_WORTH_MINUTES;

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

  public ConstraintWeightOverrides<HardMediumSoftScore> getWeights() {
    return weights;
  }

  /** For Timefold's solution cloner; {@link #setOrderWorthMinutes} is how the weights are set. */
  public void setWeights(ConstraintWeightOverrides<HardMediumSoftScore> weights) {
    this.weights = weights;
  }

  /** How many minutes of extra driving serving one order is worth in this plan (ADR 0030). */
  public int getOrderWorthMinutes() {
    return orderWorthMinutes;
  }

  /** Prices driving so that serving one order is worth {@code minutes} of it (ADR 0030). */
  public void setOrderWorthMinutes(int minutes) {
    HardMediumSoftScore minute =
        HardMediumSoftScore.ofMedium(DispatchConstraints.travelPoints(minutes));
    weights =
        ConstraintWeightOverrides.of(
            Map.of(DispatchConstraints.TRAVEL, minute, DispatchConstraints.TRAVEL_HOME, minute));
    orderWorthMinutes = minutes;
  }

  /**
   * What the plan's left-out orders and driving cost on the medium score, from the routes alone
   * (the greedy rule sets no shadow variables). Orders pinned to a technician are not counted: the
   * rule leaves them to the construction heuristic that follows it.
   */
  public long mediumCost() {
    Set<PlanVisit> served = new HashSet<>();
    shifts.forEach(s -> served.addAll(s.getVisits()));
    long leftOut =
        visits.stream()
            .filter(v -> !served.contains(v) && v.getPinnedTechnicianId() == null)
            .mapToLong(DispatchConstraints::leftOutCost)
            .sum();
    return leftOut + DispatchConstraints.travelPoints(orderWorthMinutes) * travelMinutes();
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
