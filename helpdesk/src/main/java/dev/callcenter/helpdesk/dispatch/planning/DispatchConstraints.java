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
 * stock, pins. Medium, in one currency (ADR 0030): orders left out, each {@link #leftOutCost}, and
 * driving, {@link #travelPoints} a minute (home to home), so an order is served when it is worth
 * its detour. Soft: a point per {@link #LATE_MINUTES_PER_POINT} minutes late against the window's
 * start, and unfair workloads.
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
      TRAVEL_HOME = "travel time home",
      LATENESS = "late against window start",
      FAIRNESS = "fair workload";

  /**
   * What every unassigned order costs on top of {@link #PRIORITY_POINTS} per point of its priority
   * (1–100): two orders always outweigh one (the least two, 2 × 1010, more than the most one,
   * 2000), so the solver never drops two routine orders for one VIP; one for one, a top-priority
   * order is worth nearly twice a routine one, also in driving (ADR 0030).
   */
  public static final int UNASSIGNED_BASE = 1000;

  /** What a point of priority adds to an unassigned order's cost. */
  public static final int PRIORITY_POINTS = 10;

  /** The medium points an order costs when it is left out. */
  public static int leftOutCost(PlanVisit v) {
    return UNASSIGNED_BASE + PRIORITY_POINTS * v.getPriority();
  }

  /**
   * How many minutes of extra driving serving one order is worth unless configured ({@code
   * dispatch.order-worth-minutes}): a lowest-priority order, a top-priority one twice as much.
   */
  public static final int DEFAULT_ORDER_WORTH_MINUTES = 120;

  /**
   * Medium points a minute of driving costs when an order is worth {@code orderWorthMinutes} of
   * driving: {@link #UNASSIGNED_BASE} over it, at least 1.
   */
  public static int travelPoints(int orderWorthMinutes) {
    if (orderWorthMinutes < 1) {
      throw new IllegalArgumentException("an order must be worth at least a minute of driving");
    }
    return Math.max(1, Math.round((float) UNASSIGNED_BASE / orderWorthMinutes));
  }

  /**
   * Minutes after the window's start that cost one soft point: among plans that cost as much in
   * orders left out and driving (medium), the one nearer the windows' starts wins.
   */
  public static final int LATE_MINUTES_PER_POINT = 20;

  /** A minute's weight before {@link DispatchPlan#setOrderWorthMinutes} overrides it. */
  private static final HardMediumSoftScore DEFAULT_TRAVEL_WEIGHT =
      HardMediumSoftScore.ofMedium(travelPoints(DEFAULT_ORDER_WORTH_MINUTES));

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
        .penalize(HardMediumSoftScore.ONE_MEDIUM, DispatchConstraints::leftOutCost)
        .asConstraint(UNASSIGNED);
  }

  private Constraint travel(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(PlanVisit::isAssigned)
        .penalize(DEFAULT_TRAVEL_WEIGHT, PlanVisit::travelFromPrevious)
        .asConstraint(TRAVEL);
  }

  private Constraint returnHome(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.isLastInShift())
        .penalize(DEFAULT_TRAVEL_WEIGHT, v -> v.getShift().minutesHome(v))
        .asConstraint(TRAVEL_HOME);
  }

  private Constraint lateness(ConstraintFactory f) {
    return f.forEach(PlanVisit.class)
        .filter(v -> v.isAssigned() && v.getStart() > v.getWindowStart())
        .penalize(
            HardMediumSoftScore.ONE_SOFT,
            v -> (v.getStart() - v.getWindowStart()) / LATE_MINUTES_PER_POINT)
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
