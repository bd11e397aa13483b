package dev.callcenter.bench;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.planning.DispatchPlan;
import dev.callcenter.helpdesk.dispatch.planning.DispatcherRule;
import dev.callcenter.helpdesk.dispatch.planning.InstanceGenerator;
import dev.callcenter.helpdesk.dispatch.planning.PlanShift;
import dev.callcenter.helpdesk.dispatch.planning.PlanVerifier;
import dev.callcenter.helpdesk.dispatch.planning.PlanVisit;
import dev.callcenter.helpdesk.dispatch.planning.Planner;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Dispatch planning on {@link InstanceGenerator}'s seeded days (80 orders / 6 technicians and 500 /
 * 40): Timefold with a time budget, Timefold's construction heuristic alone, and the greedy
 * dispatcher's rule ({@link DispatcherRule}); every plan is checked by {@link PlanVerifier}, not by
 * the solver's own score. Then an emergency order inserted into the solved day with the first visit
 * of every technician under way.
 */
final class DispatchBench {

  private DispatchBench() {}

  static void run(long seed, Duration smallBudget, Duration largeBudget, Duration emergencyBudget) {
    System.out.printf(
        "%ndispatch: seed %d, budgets %d s (80/6) and %d s (500/40), emergency %d s%n",
        seed, smallBudget.toSeconds(), largeBudget.toSeconds(), emergencyBudget.toSeconds());
    System.out.printf(
        "%-9s %-44s %10s %10s %-32s %10s %14s %9s %10s%n",
        "instance",
        "method",
        "feasible@",
        "time",
        "score (hard/medium/soft)",
        "unassigned",
        "unassigned pri",
        "travel h",
        "violations");
    String only = System.getProperty("dispatchOnly", "");
    if (!only.equals("large")) {
      size(80, 6, seed, smallBudget, emergencyBudget);
    }
    if (!only.equals("small")) {
      size(500, 40, seed, largeBudget, emergencyBudget);
    }
  }

  private static void size(
      int orders, int technicians, long seed, Duration budget, Duration emergencyBudget) {
    String name = orders + "/" + technicians;
    Planner planner = new Planner();

    DispatchPlan greedy = InstanceGenerator.generate(orders, technicians, seed);
    DispatcherRule.Result g = DispatcherRule.plan(greedy);
    print(
        name,
        "greedy baseline",
        g.millis(),
        g.millis(),
        "-",
        g.unassigned(),
        g.unassignedPriority(),
        greedy);

    DispatchPlan chProblem = InstanceGenerator.generate(orders, technicians, seed);
    var ch =
        planner.solve(
            chProblem,
            Duration.ofMinutes(10),
            Planner.Mode.CONSTRUCTION_ONLY,
            new Planner.Run(),
            p -> {});
    print(name, "Timefold construction", ch.firstFeasibleMillis(), ch.millis(), ch.plan());

    DispatchPlan own = InstanceGenerator.generate(orders, technicians, seed);
    var unseeded =
        planner.solve(own, budget, Planner.Mode.WITHOUT_RULE, new Planner.Run(), p -> {});
    print(
        name,
        "Timefold " + budget.toSeconds() + " s, own start",
        unseeded.firstFeasibleMillis(),
        unseeded.millis(),
        unseeded.plan());

    DispatchPlan problem = InstanceGenerator.generate(orders, technicians, seed);
    var full = planner.solve(problem, budget, Planner.Mode.FULL, new Planner.Run(), p -> {});
    print(
        name,
        "Timefold " + budget.toSeconds() + " s",
        full.firstFeasibleMillis(),
        full.millis(),
        full.plan());

    emergency(name, planner, full.plan(), emergencyBudget);
  }

  /**
   * A VIP emergency (priority 95, two hours from 10:00, in the middle of the area) added to the
   * solved day; each technician's first visit is under way and stays. Times the solve from the
   * current plan until the new order has a place and no hard rule is broken.
   */
  private static void emergency(
      String name, Planner planner, DispatchPlan solved, Duration budget) {
    for (PlanShift s : solved.getShifts()) {
      s.setPinnedCount(Math.min(1, s.getVisits().size()));
    }
    PlanShift any = solved.getShifts().getFirst();
    PlanVisit urgent =
        new PlanVisit(
            99_999L,
            new GeoPoint(25.04, 121.54),
            Set.of(any.getSkills().iterator().next()),
            30,
            InstanceGenerator.minutes(LocalTime.of(10, 0)),
            InstanceGenerator.minutes(LocalTime.of(12, 0)),
            95,
            List.of(),
            null);
    List<PlanVisit> visits = new ArrayList<>(solved.getVisits());
    visits.add(urgent);
    DispatchPlan problem = new DispatchPlan(solved.getShifts(), visits);
    var ch =
        planner.solve(
            problem,
            Duration.ofMinutes(1),
            Planner.Mode.CONSTRUCTION_ONLY,
            new Planner.Run(),
            p -> {},
            DispatchBench::placed);
    print(
        name,
        "emergency, construction" + placedAt(ch),
        ch.firstFeasibleMillis(),
        ch.millis(),
        ch.plan());
    var again =
        planner.solve(
            ch.plan(),
            budget,
            Planner.Mode.FULL,
            new Planner.Run(),
            p -> {},
            DispatchBench::placed);
    print(
        name,
        "emergency, " + budget.toSeconds() + " s" + placedAt(again),
        again.firstFeasibleMillis(),
        again.millis(),
        again.plan());
  }

  /** When the emergency order first had a place in the best plan (from that solve's start). */
  private static String placedAt(Planner.Outcome o) {
    return o.goalMillis() < 0 ? " (NOT placed)" : " (placed @" + o.goalMillis() + " ms)";
  }

  private static boolean placed(DispatchPlan plan) {
    return plan.getVisits().stream()
        .anyMatch(v -> v.getOrderId() == 99_999L && v.getShift() != null);
  }

  private static void print(
      String name, String method, long feasible, long millis, DispatchPlan p) {
    long unassignedPriority =
        p.getVisits().stream()
            .filter(v -> v.getShift() == null)
            .mapToLong(PlanVisit::getPriority)
            .sum();
    print(
        name,
        method,
        feasible,
        millis,
        String.valueOf(p.getScore()),
        p.unassignedCount(),
        unassignedPriority,
        p);
  }

  private static void print(
      String name,
      String method,
      long feasible,
      long millis,
      String score,
      long unassigned,
      long unassignedPriority,
      DispatchPlan p) {
    int violations = PlanVerifier.violations(p.getShifts(), p.getVisits()).size();
    System.out.printf(
        "%-9s %-44s %10s %8d ms %-32s %10d %14d %9.1f %10d%n",
        name,
        method,
        feasible < 0 ? "never" : feasible + " ms",
        millis,
        score,
        unassigned,
        unassignedPriority,
        p.travelMinutes() / 60.0,
        violations);
  }
}
