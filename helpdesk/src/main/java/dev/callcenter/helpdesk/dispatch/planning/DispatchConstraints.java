package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import java.util.Objects;

/**
 * The rules a plan is scored by. Hard: skills, the promised window, the shift (hours, day off), van
 * stock, pins. Medium: unassigned orders weighted by priority. Soft: travel minutes, minutes late
 * against the window's start, and unfair workloads.
 */
public final class DispatchConstraints implements ConstraintProvider {

  /** Names, also used by the explanations and the tests. */
  public static final String SKILLS = "skills",
      WINDOW = "promised window",
      SHIFT = "working hours",
      DAY_OFF = "day off",
      PARTS = "parts in the van",
      PINNED = "pinned visit stays",
      UNASSIGNED = "unassigned order",
      TRAVEL = "travel time",
      LATENESS = "late against window start",
      FAIRNESS = "fair workload";

  @Override
  public Constraint[] defineConstraints(ConstraintFactory f) {
    return new Constraint[] {
      skills(f),
      window(f),
      shift(f),
      dayOff(f),
      parts(f),
      pinned(f),
      unassigned(f),
      travel(f),
      returnHome(f),
      lateness(f),
      fairness(f)
    };
  }

  private Constraint skills(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && !v.getShift().getSkills().containsAll(v.getSkills()))
        .penalize(
            HardMediumSoftScore.ONE_HARD,
            v -> v.getSkills().stream().filter(s -> !v.getShift().getSkills().contains(s)).count())
        .asConstraint(SKILLS);
  }

  private Constraint window(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.getStart() > v.getWindowEnd())
        .penalize(HardMediumSoftScore.ONE_HARD, v -> v.getStart() - v.getWindowEnd())
        .asConstraint(WINDOW);
  }

  private Constraint shift(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.getEnd() > v.getShift().getEnd())
        .penalize(HardMediumSoftScore.ONE_HARD, v -> v.getEnd() - v.getShift().getEnd())
        .asConstraint(SHIFT);
  }

  private Constraint dayOff(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.getShift().isDayOff())
        .penalize(HardMediumSoftScore.ofHard(100))
        .asConstraint(DAY_OFF);
  }

  /** Key of the van stock sum: one technician, one part. */
  private record VanPart(long technicianId, long partId, int inVan) {}

  private Constraint parts(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && !v.getParts().isEmpty())
        .flatten(PlanVisit::getParts)
        .groupBy(
            (v, p) ->
                new VanPart(
                    v.getShift().getTechnicianId(),
                    p.partId(),
                    v.getShift().getVanStock().getOrDefault(p.partId(), 0)),
            ConstraintCollectors.sum((PlanVisit v, PartQuantity p) -> p.quantity()))
        .filter((key, needed) -> needed > key.inVan())
        .penalize(HardMediumSoftScore.ONE_HARD, (key, needed) -> needed - key.inVan())
        .asConstraint(PARTS);
  }

  private Constraint pinned(ConstraintFactory f) {
    return f.forEachIncludingUnassigned(PlanVisit.class)
        .filter(
            v ->
                v.getPinnedTechnicianId() != null
                    && (v.getShift() == null
                        || !Objects.equals(
                            v.getShift().getTechnicianId(), v.getPinnedTechnicianId())))
        .penalize(HardMediumSoftScore.ofHard(1000))
        .asConstraint(PINNED);
  }

  private Constraint unassigned(ConstraintFactory f) {
    return f.forEachIncludingUnassigned(PlanVisit.class)
        .filter(v -> v.getShift() == null)
        .penalize(HardMediumSoftScore.ONE_MEDIUM, PlanVisit::getPriority)
        .asConstraint(UNASSIGNED);
  }

  private Constraint travel(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(PlanVisit::isAssigned)
        .penalize(HardMediumSoftScore.ONE_SOFT, PlanVisit::travelFromPrevious)
        .asConstraint(TRAVEL);
  }

  private Constraint returnHome(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.isLastInShift())
        .penalize(
            HardMediumSoftScore.ONE_SOFT,
            v -> v.getShift().getTravel().minutes(v.getSite(), v.getShift().getHome()))
        .asConstraint(TRAVEL + " home");
  }

  private Constraint lateness(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.getStart() > v.getWindowStart())
        .penalize(HardMediumSoftScore.ONE_SOFT, v -> (v.getStart() - v.getWindowStart()) / 4)
        .asConstraint(LATENESS);
  }

  private Constraint fairness(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(PlanVisit::isAssigned)
        .groupBy(
            ConstraintCollectors.loadBalance(
                v -> v.getShift().getTechnicianId(), v -> (long) v.getDuration()))
        .penalize(HardMediumSoftScore.ONE_SOFT, lb -> lb.unfairness().longValue())
        .asConstraint(FAIRNESS);
  }
}
