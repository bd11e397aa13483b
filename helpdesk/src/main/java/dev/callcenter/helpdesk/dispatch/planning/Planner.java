package dev.callcenter.helpdesk.dispatch.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Timefold Solver behind one small interface: solve a {@link DispatchPlan} within a time budget,
 * report each better plan, stop early on request. The only class that builds solvers.
 */
public final class Planner {

  /** How to search: construction heuristic then local search, or the construction alone. */
  public enum Mode {
    FULL,
    CONSTRUCTION_ONLY
  }

  /** A better plan found while solving. */
  public record Progress(HardMediumSoftScore score, long millis, boolean feasible) {}

  /**
   * A finished solve.
   *
   * @param firstFeasibleMillis when the first plan without a broken hard rule was found, -1 never
   */
  public record Outcome(DispatchPlan plan, long millis, long firstFeasibleMillis) {}

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
            .withRandomSeed(0L)
            .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
    return switch (mode) {
      case FULL ->
          config.withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig());
      case CONSTRUCTION_ONLY -> config.withPhases(new ConstructionHeuristicPhaseConfig());
    };
  }

  /**
   * Solves on the calling thread for at most {@code budget}; {@code progress} hears each better
   * plan (on the solver's thread; it must not block).
   */
  public Outcome solve(
      DispatchPlan problem, Duration budget, Mode mode, Run run, Consumer<Progress> progress) {
    Solver<DispatchPlan> solver =
        SolverFactory.<DispatchPlan>create(config(budget, mode)).buildSolver();
    AtomicLong firstFeasible = new AtomicLong(-1);
    solver.addEventListener(
        event -> {
          HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
          boolean feasible = event.isNewBestSolutionInitialized() && score.hardScore() == 0;
          if (feasible) {
            firstFeasible.compareAndSet(-1, event.getTimeMillisSpent());
          }
          progress.accept(new Progress(score, event.getTimeMillisSpent(), feasible));
        });
    run.solver.set(solver);
    if (run.stopped) {
      solver.terminateEarly();
    }
    long started = System.nanoTime();
    DispatchPlan best = solver.solve(problem);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (firstFeasible.get() < 0 && best.getScore() != null && best.getScore().hardScore() == 0) {
      firstFeasible.set(millis);
    }
    return new Outcome(best, millis, firstFeasible.get());
  }
}
