package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A solved plan as the dispatcher reads it, without the solver's types: score, each visit with its
 * technician, start and reasons, what is left unassigned and why, travel.
 */
public record PlanSummary(
    Score score,
    long millis,
    int assigned,
    long unassignedCount,
    long travelMinutes,
    double travelKm,
    List<Assignment> assignments,
    Map<Long, PlanExplanation.UnassignedReason> unassigned,
    Map<String, Long> softByRule) {

  /** A score as its three levels, and whether no hard rule is broken. */
  public record Score(long hard, long medium, long soft, boolean feasible) {
    static Score of(HardMediumSoftScore s) {
      return s == null
          ? null
          : new Score(s.hardScore(), s.mediumScore(), s.softScore(), s.hardScore() == 0);
    }
  }

  /** The best plan found so far while solving. */
  public record Progress(Score score, long millis) {
    static Progress of(Planner.Progress p) {
      return new Progress(Score.of(p.score()), p.millis());
    }
  }

  /** One planned visit and why it is there. */
  public record Assignment(long orderId, long technicianId, Instant start, String why) {}

  public static PlanSummary of(Replanning.Proposal p) {
    DispatchPlan plan = p.plan();
    List<Assignment> assignments =
        plan.getVisits().stream()
            .filter(v -> v.getShift() != null)
            .map(
                v ->
                    new Assignment(
                        v.getOrderId(),
                        v.getShift().getTechnicianId(),
                        Instant.ofEpochSecond(v.getStart() * 60),
                        p.explanation().perOrder().get(v.getOrderId())))
            .toList();
    return new PlanSummary(
        Score.of(plan.getScore()),
        p.millis(),
        assignments.size(),
        plan.unassignedCount(),
        plan.travelMinutes(),
        Math.round(plan.travelKm() * 10) / 10.0,
        assignments,
        p.explanation().unassigned(),
        p.explanation().softByRule());
  }
}
