package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.SubListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Timefold Solver behind one small interface: solve a {@link DispatchPlan} within a time budget,
 * report each better plan, stop early on request. The only class that builds solvers.
 */
public final class Planner {

  private final int orderWorthMinutes;

  /** Prices driving at {@link DispatchConstraints#DEFAULT_ORDER_WORTH_MINUTES} an order. */
  public Planner() {
    this(DispatchConstraints.DEFAULT_ORDER_WORTH_MINUTES);
  }

  /**
   * @param orderWorthMinutes how many minutes of extra driving serving one order is worth (ADR
   *     0030)
   */
  public Planner(int orderWorthMinutes) {
    DispatchConstraints.travelPoints(orderWorthMinutes);
    this.orderWorthMinutes = orderWorthMinutes;
  }

  /** How to search. */
  public enum Mode {
    /**
     * A day with nothing placed yet starts from {@link DispatcherRule}'s routes or from the
     * construction heuristic's plan, whichever costs less on the medium score (orders left out and
     * driving, ADR 0030); from the rule's routes the construction heuristic then places what it can
     * of the rest. Local search improves the plan for the rest of the budget. A day with routes
     * already (re-planning) is first repaired by {@link InsertionRepair} (left-out orders put where
     * they fit, or in place of less important visits) and then goes straight to local search.
     */
    FULL,
    /** Construction heuristic then local search, without the dispatcher's rule as the start. */
    WITHOUT_RULE,
    /** The construction heuristic alone. */
    CONSTRUCTION_ONLY
  }

  /** A better plan found while solving. */
  public record Progress(HardMediumSoftScore score, long millis, boolean feasible) {}

  /**
   * A finished solve.
   *
   * @param firstFeasibleMillis when the first plan without a broken hard rule was found, -1 never
   * @param goalMillis when the best plan first met the caller's goal without a broken hard rule
   *     (e.g. an emergency order placed), -1 never
   */
  public record Outcome(
      DispatchPlan plan, long millis, long firstFeasibleMillis, long goalMillis) {}

  /** A running solve that can be stopped; {@link #solve} returns the best plan found so far. */
  public static final class Run {
    private final AtomicReference<Solver<DispatchPlan>> solver = new AtomicReference<>();
    private volatile boolean stopped;

    /** Stops the search soon; the best plan so far is kept. */
    public void stop() {
      stopped = true;
      Solver<DispatchPlan> s = solver.get();
      if (s != null) {
        s.terminateEarly();
      }
    }
  }

  static SolverConfig config(Duration budget, Mode mode) {
    var config =
        new SolverConfig()
            .withSolutionClass(DispatchPlan.class)
            .withEntityClasses(PlanShift.class, PlanVisit.class)
            .withConstraintProviderClass(DispatchConstraints.class)
            // Reproducible (fixed seed) but without the default phase-end score assertions.
            .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
            .withRandomSeed(0L)
            .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
    return switch (mode) {
      case FULL, WITHOUT_RULE ->
          config.withPhases(new ConstructionHeuristicPhaseConfig(), localSearch());
      case CONSTRUCTION_ONLY -> config.withPhases(new ConstructionHeuristicPhaseConfig());
    };
  }

  /** Late acceptance's memory in steps (Timefold's default, 400, converges too slowly here). */
  static final int LATE_ACCEPTANCE_SIZE = 100;

  /** How often a nearby move is chosen against each kind of blind list move. */
  static final double NEARBY_WEIGHT = 8;

  /**
   * Local search over the community edition's list moves — move or swap one visit, move or swap a
   * run of visits (also reversed), 2-opt within a route — and {@link NearbyMoves}, our stand-in for
   * the enterprise edition's nearby selection, chosen {@link #NEARBY_WEIGHT} times as often as each
   * of the others. Late acceptance with a short memory ({@link #LATE_ACCEPTANCE_SIZE}).
   */
  static LocalSearchPhaseConfig localSearch() {
    return new LocalSearchPhaseConfig()
        .withAcceptorConfig(
            new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
        .withMoveSelectorConfig(
            new UnionMoveSelectorConfig()
                .withMoveSelectors(
                    new ListChangeMoveSelectorConfig(),
                    new ListSwapMoveSelectorConfig(),
                    new SubListChangeMoveSelectorConfig().withSelectReversingMoveToo(true),
                    new SubListSwapMoveSelectorConfig().withSelectReversingMoveToo(true),
                    new KOptListMoveSelectorConfig().withMinimumK(2).withMaximumK(2),
                    new MoveIteratorFactoryConfig()
                        .withMoveIteratorFactoryClass(NearbyMoves.class)
                        .withFixedProbabilityWeight(NEARBY_WEIGHT)));
  }

  /**
   * Solves on the calling thread for at most {@code budget}; {@code progress} hears each better
   * plan (on the solver's thread; it must not block).
   */
  public Outcome solve(
      DispatchPlan problem, Duration budget, Mode mode, Run run, Consumer<Progress> progress) {
    return solve(problem, budget, mode, run, progress, plan -> false);
  }

  /**
   * As {@link #solve(DispatchPlan, Duration, Mode, Run, Consumer)}, also noting when the best plan
   * first met {@code goal} (tested on the solver's thread against each new best plan).
   */
  public Outcome solve(
      DispatchPlan problem,
      Duration budget,
      Mode mode,
      Run run,
      Consumer<Progress> progress,
      Predicate<DispatchPlan> goal) {
    long started = System.nanoTime();
    problem.setOrderWorthMinutes(orderWorthMinutes);
    boolean replanning = problem.getShifts().stream().anyMatch(s -> !s.getVisits().isEmpty());
    boolean constructed = false;
    if (mode == Mode.FULL && !replanning) {
      DispatchPlan start = start(problem, budget, run);
      constructed = start != problem;
      problem = start;
    } else if (mode == Mode.FULL) {
      InsertionRepair.apply(problem);
    }
    // The rule's and the construction's time counts against the budget.
    Duration left = budget.minusMillis((System.nanoTime() - started) / 1_000_000);
    SolverConfig cfg = config(left.isNegative() ? Duration.ofMillis(1) : left, mode);
    if ((replanning || constructed) && mode == Mode.FULL) {
      // Re-planning a day that has routes (an emergency, a technician off sick): the construction
      // heuristic would try every left-out order in every position again (seconds on a full large
      // day), so local search starts at once and moves orders in and out. The same from the
      // construction heuristic's own plan: it has placed what it could.
      cfg.withPhases(localSearch());
    }
    Solver<DispatchPlan> solver = SolverFactory.<DispatchPlan>create(cfg).buildSolver();
    AtomicLong firstFeasible = new AtomicLong(-1);
    AtomicLong goalMet = new AtomicLong(-1);
    solver.addEventListener(
        event -> {
          HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
          boolean feasible = event.isNewBestSolutionInitialized() && score.hardScore() == 0;
          if (feasible) {
            firstFeasible.compareAndSet(-1, event.getTimeMillisSpent());
            if (goalMet.get() < 0 && goal.test(event.getNewBestSolution())) {
              goalMet.set((System.nanoTime() - started) / 1_000_000);
            }
          }
          progress.accept(new Progress(score, event.getTimeMillisSpent(), feasible));
        });
    run.solver.set(solver);
    if (run.stopped) {
      solver.terminateEarly();
    }
    DispatchPlan best = solver.solve(problem);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (firstFeasible.get() < 0 && best.getScore() != null && best.getScore().hardScore() == 0) {
      firstFeasible.set(millis);
    }
    if (goalMet.get() < 0 && best.getScore().hardScore() == 0 && goal.test(best)) {
      goalMet.set(millis);
    }
    return new Outcome(best, millis, firstFeasible.get(), goalMet.get());
  }

  /**
   * Where local search starts on a day with nothing placed: the problem with {@link
   * DispatcherRule}'s routes, or the construction heuristic's plan (a copy) when it costs less on
   * the medium score (orders left out and driving). On a day the team can serve the construction
   * leaves out fewer orders and drives less than the rule, whose nearest-first chains local search
   * does not undo within the budget; on an over-booked day the rule serves more.
   */
  static DispatchPlan start(DispatchPlan problem, Duration budget, Run run) {
    Solver<DispatchPlan> solver =
        SolverFactory.<DispatchPlan>create(config(budget, Mode.CONSTRUCTION_ONLY)).buildSolver();
    run.solver.set(solver);
    if (run.stopped) {
      solver.terminateEarly();
    }
    // The solver works on a copy: the problem's shifts stay empty for the rule.
    DispatchPlan construction = solver.solve(problem);
    DispatcherRule.plan(problem);
    return construction != problem && construction.mediumCost() < problem.mediumCost()
        ? construction
        : problem;
  }
}
