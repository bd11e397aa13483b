package dev.callcenter.bench;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.planning.DispatchPlan;
import dev.callcenter.helpdesk.dispatch.planning.DispatcherRule;
import dev.callcenter.helpdesk.dispatch.planning.InstanceGenerator;
import dev.callcenter.helpdesk.dispatch.planning.InstanceGenerator.Load;
import dev.callcenter.helpdesk.dispatch.planning.PlanShift;
import dev.callcenter.helpdesk.dispatch.planning.PlanVerifier;
import dev.callcenter.helpdesk.dispatch.planning.PlanVisit;
import dev.callcenter.helpdesk.dispatch.planning.Planner;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatch planning on {@link InstanceGenerator}'s seeded days (80 orders / 6 technicians and 500 /
 * 40): Timefold with a time budget, Timefold's construction heuristic alone, and the greedy
 * dispatcher's rule ({@link DispatcherRule}); every plan is checked by {@link PlanVerifier}, not by
 * the solver's own score. Then an emergency order inserted into the solved day with the first visit
 * of every technician under way. Each day is run over-booked (as generated) and then, as {@link
 * Load#SERVABLE}, with a team sized for it ({@code -DdispatchLoads=over-booked,servable}).
 */
final class DispatchBench {

  private DispatchBench() {}

  /** What the goal lines compare: the greedy rule's and the server's plan of one day. */
  private record Day(String name, long seed, DispatchPlan greedy, DispatchPlan timefold) {}

  private static final List<Day> DAYS = new ArrayList<>();

  /**
   * How many minutes of driving the planner prices an order at ({@code -DdispatchOrderWorth}, the
   * server's {@code dispatch.order-worth-minutes}); 1000 is the count-first objective of ADR 0019.
   */
  private static final int ORDER_WORTH =
      Integer.getInteger(
          "dispatchOrderWorth",
          dev.callcenter.helpdesk.dispatch.planning.DispatchConstraints
              .DEFAULT_ORDER_WORTH_MINUTES);

  /**
   * @param seeds the instance seeds, comma-separated ({@code -DdispatchSeeds=42,7,1})
   */
  static void run(
      String seeds, Duration smallBudget, Duration largeBudget, Duration emergencyBudget) {
    System.out.printf(
        "%ndispatch: seeds %s, budgets %d s (80/6) and %d s (500/40), emergency %d s, an order"
            + " worth %d min of driving%n",
        seeds,
        smallBudget.toSeconds(),
        largeBudget.toSeconds(),
        emergencyBudget.toSeconds(),
        ORDER_WORTH);
    System.out.printf(
        "%-12s %-44s %10s %10s %7s %-32s %10s %14s %9s %10s %10s%n",
        "instance",
        "method",
        "feasible@",
        "time",
        "cpu",
        "score (hard/medium/soft)",
        "unassigned",
        "unassigned pri",
        "travel h",
        "min/served",
        "violations");
    String only = System.getProperty("dispatchOnly", "");
    for (String loadName : System.getProperty("dispatchLoads", "over-booked,servable").split(",")) {
      Load load =
          Load.valueOf(loadName.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      for (String each : seeds.split(",")) {
        long seed = Long.parseLong(each.strip());
        if (!only.equals("large")) {
          size(80, 6, seed, load, smallBudget, emergencyBudget);
        }
        if (!only.equals("small")) {
          size(500, 40, seed, load, largeBudget, emergencyBudget);
        }
      }
    }
    System.out.printf(
        "%nTimefold (the server's path) against the greedy rule, same day, same rules:%n");
    for (Day d : DAYS) {
      double g = d.greedy().travelMinutes();
      double t = d.timefold().travelMinutes();
      System.out.printf(
          "%-12s travel %+.1f %% (goal <= -15 %%), per served order %+.1f %%, unassigned %d vs %d"
              + " (goal: fewer), unassigned priority %d vs %d: goal %s%n",
          d.name() + " s" + d.seed(),
          100 * (t - g) / g,
          100 * (perServed(d.timefold()) - perServed(d.greedy())) / perServed(d.greedy()),
          unassigned(d.timefold()),
          unassigned(d.greedy()),
          unassignedPriority(d.timefold()),
          unassignedPriority(d.greedy()),
          t <= 0.85 * g && unassigned(d.timefold()) < unassigned(d.greedy()) ? "met" : "NOT met");
    }
  }

  private static void size(
      int orders,
      int technicians,
      long seed,
      Load load,
      Duration budget,
      Duration emergencyBudget) {
    DispatchPlan greedy = InstanceGenerator.generate(orders, technicians, seed, load);
    // Orders / the whole team: "80/6" over-booked, "80/11" the servable day with its larger team.
    String size = orders + "/" + greedy.getShifts().size();
    String name = size + " s" + seed;
    Planner planner = new Planner(ORDER_WORTH);
    System.out.printf("%-12s load average before: %s%n", name, loadAverage());

    long cpu = cpuMillis();
    DispatcherRule.Result g = DispatcherRule.plan(greedy);
    demand(name, greedy);
    print(
        name,
        "greedy baseline",
        g.millis(),
        g.millis(),
        cpuMillis() - cpu,
        "-",
        g.unassigned(),
        g.unassignedPriority(),
        greedy);

    DispatchPlan chProblem = InstanceGenerator.generate(orders, technicians, seed, load);
    cpu = cpuMillis();
    var ch =
        planner.solve(
            chProblem,
            Duration.ofMinutes(10),
            Planner.Mode.CONSTRUCTION_ONLY,
            new Planner.Run(),
            p -> {});
    print(name, "Timefold construction", ch.firstFeasibleMillis(), ch.millis(), cpu, ch.plan());

    DispatchPlan own = InstanceGenerator.generate(orders, technicians, seed, load);
    cpu = cpuMillis();
    var unseeded =
        planner.solve(own, budget, Planner.Mode.WITHOUT_RULE, new Planner.Run(), p -> {});
    print(
        name,
        "Timefold " + budget.toSeconds() + " s, own start",
        unseeded.firstFeasibleMillis(),
        unseeded.millis(),
        cpu,
        unseeded.plan());

    DispatchPlan problem = InstanceGenerator.generate(orders, technicians, seed, load);
    cpu = cpuMillis();
    var full = planner.solve(problem, budget, Planner.Mode.FULL, new Planner.Run(), p -> {});
    print(
        name,
        "Timefold " + budget.toSeconds() + " s",
        full.firstFeasibleMillis(),
        full.millis(),
        cpu,
        full.plan());
    DAYS.add(new Day(size, seed, greedy, full.plan()));

    emergency(name, planner, full.plan(), emergencyBudget);
    System.out.printf("%-12s load average after: %s%n", name, loadAverage());
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
    long cpu = cpuMillis();
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
        cpu,
        ch.plan());
    cpu = cpuMillis();
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
        cpu,
        again.plan());
  }

  /**
   * How much work the day holds against its shifts: time on site plus driving at the rule's rate
   * (its minutes per served order for every order), over the working technicians' shift time.
   */
  private static void demand(String name, DispatchPlan ruled) {
    double shifts =
        ruled.getShifts().stream()
                .filter(s -> !s.isDayOff())
                .mapToLong(s -> s.getEnd() - s.getStart())
                .sum()
            / 60.0;
    double onSite = ruled.getVisits().stream().mapToLong(PlanVisit::getDuration).sum() / 60.0;
    double driving = perServed(ruled) * ruled.getVisits().size() / 60.0;
    System.out.printf(
        "%-12s demand: %.0f h on site + %.0f h driving at the rule's rate = %.2f x the shifts' %.0f"
            + " h%n",
        name, onSite, driving, (onSite + driving) / shifts, shifts);
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
      String name, String method, long feasible, long millis, long cpuFrom, DispatchPlan p) {
    print(
        name,
        method,
        feasible,
        millis,
        cpuMillis() - cpuFrom,
        String.valueOf(p.getScore()),
        unassigned(p),
        unassignedPriority(p),
        p);
  }

  private static void print(
      String name,
      String method,
      long feasible,
      long millis,
      long cpu,
      String score,
      long unassigned,
      long unassignedPriority,
      DispatchPlan p) {
    int violations = PlanVerifier.violations(p.getShifts(), p.getVisits()).size();
    System.out.printf(
        "%-12s %-44s %10s %8d ms %5.1f s %-32s %10d %14d %9.1f %10.1f %10d%n",
        name,
        method,
        feasible < 0 ? "never" : feasible + " ms",
        millis,
        cpu / 1000.0,
        score,
        unassigned,
        unassignedPriority,
        p.travelMinutes() / 60.0,
        perServed(p),
        violations);
    if (Boolean.getBoolean("dispatchTimeUse")) {
      timeUse(name, p);
    }
  }

  /**
   * Where the working technicians' shift time went, from the routes alone: on site, driving (to the
   * first visit and between visits), waiting for a window to open, and unused after the last visit;
   * the drive home (after the shift's work, not held against its end) apart.
   */
  private static void timeUse(String name, DispatchPlan p) {
    long site = 0, drive = 0, wait = 0, unused = 0, home = 0;
    for (PlanShift s : p.getShifts()) {
      if (s.isDayOff()) {
        continue;
      }
      long clock = s.getStart();
      GeoPoint at = s.getHome();
      for (PlanVisit v : s.getVisits()) {
        long d = s.getTravel().minutes(at, v.getSite());
        long start = Math.max(clock + d, v.getWindowStart());
        drive += d;
        wait += start - clock - d;
        site += v.getDuration();
        clock = start + v.getDuration();
        at = v.getSite();
      }
      unused += s.getEnd() - clock;
      home += s.getTravel().minutes(at, s.getHome());
    }
    System.out.printf(
        "%-12s   time use: on site %.1f h, driving %.1f h, waiting %.1f h, unused %.1f h; home %.1f"
            + " h%n",
        name, site / 60.0, drive / 60.0, wait / 60.0, unused / 60.0, home / 60.0);
  }

  /** Orders no shift has, counted from the routes (the greedy rule sets no shadow variables). */
  private static long unassigned(DispatchPlan p) {
    return p.getVisits().size() - served(p);
  }

  private static long served(DispatchPlan p) {
    return p.getShifts().stream().mapToLong(s -> s.getVisits().size()).sum();
  }

  private static long unassignedPriority(DispatchPlan p) {
    Set<PlanVisit> in = new HashSet<>();
    p.getShifts().forEach(s -> in.addAll(s.getVisits()));
    return p.getVisits().stream()
        .filter(v -> !in.contains(v))
        .mapToLong(PlanVisit::getPriority)
        .sum();
  }

  /** Minutes driven per order served. */
  private static double perServed(DispatchPlan p) {
    return (double) p.travelMinutes() / Math.max(1, served(p));
  }

  /** CPU time of the whole process (every thread: the solver's, the JIT's, the GC's). */
  private static long cpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  /** The box's 1, 5 and 15 minute load averages (other engineers share it). */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
          .strip()
          .replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
