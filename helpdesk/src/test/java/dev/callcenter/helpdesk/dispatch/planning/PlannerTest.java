package dev.callcenter.helpdesk.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final Planner planner = new Planner();

  @Test
  void everyAssignmentOfAGeneratedInstanceKeepsEveryHardRule() {
    DispatchPlan problem = InstanceGenerator.generate(40, 4, 7);

    var outcome =
        planner.solve(
            problem, Duration.ofSeconds(3), Planner.Mode.FULL, new Planner.Run(), p -> {});
    DispatchPlan plan = outcome.plan();

    assertThat(plan.getScore().hardScore()).isZero();
    assertThat(PlanVerifier.violations(plan.getShifts(), plan.getVisits())).isEmpty();
    assertThat(plan.getVisits().size() - plan.unassignedCount()).isGreaterThan(20);
    assertThat(plan.getShifts().stream().filter(PlanShift::isDayOff))
        .allSatisfy(s -> assertThat(s.getVisits()).isEmpty());
    var why = PlanExplanation.of(plan, InstanceGenerator.ZONE);
    assertThat(why.perOrder()).hasSize((int) (plan.getVisits().size() - plan.unassignedCount()));
    assertThat(why.unassigned()).hasSize((int) plan.unassignedCount());
    assertThat(why.softByRule().get(DispatchConstraints.TRAVEL)).isEqualTo(plan.travelMinutes());
    // The solver's medium score is what the routes cost: orders left out and driving at its price.
    assertThat(plan.getScore().mediumScore()).isEqualTo(-plan.mediumCost());
  }

  @Test
  void anOrderIsServedOnlyWhenItIsWorthItsDetourUnlessItIsPinned() {
    long start = InstanceGenerator.minutes(java.time.LocalTime.of(8, 0));
    GeoPoint home = new GeoPoint(25.04, 121.54);
    // About 30 km off: some 80 minutes each way at the travel model's speed.
    GeoPoint far = new GeoPoint(25.04, 121.84);
    java.util.function.Function<Long, DispatchPlan> day =
        pinnedTo -> {
          var shift = networkShift(home, start, start + 9 * 60);
          var near =
              new PlanVisit(
                  1,
                  new GeoPoint(25.045, 121.545),
                  Set.of("network"),
                  30,
                  start,
                  start + 480,
                  50,
                  List.of(),
                  null);
          var remote =
              new PlanVisit(
                  2, far, Set.of("network"), 30, start, start + 480, 50, List.of(), pinnedTo);
          return new DispatchPlan(new ArrayList<>(List.of(shift)), List.of(near, remote));
        };
    long detour = 2 * TravelModel.DEFAULT.minutes(home, far);
    assertThat(detour).isBetween(120L, 400L);

    DispatchPlan cheap =
        new Planner(60)
            .solve(
                day.apply(null),
                Duration.ofSeconds(1),
                Planner.Mode.FULL,
                new Planner.Run(),
                p -> {})
            .plan();
    DispatchPlan worthIt =
        new Planner(500)
            .solve(
                day.apply(null),
                Duration.ofSeconds(1),
                Planner.Mode.FULL,
                new Planner.Run(),
                p -> {})
            .plan();
    DispatchPlan pinned =
        new Planner(60)
            .solve(
                day.apply(1L), Duration.ofSeconds(1), Planner.Mode.FULL, new Planner.Run(), p -> {})
            .plan();

    assertThat(cheap.getShifts().getFirst().getVisits())
        .extracting(PlanVisit::getOrderId)
        .containsExactly(1L);
    assertThat(PlanExplanation.of(cheap, InstanceGenerator.ZONE).unassigned())
        .containsExactly(Map.entry(2L, PlanExplanation.UnassignedReason.TOO_FAR));
    assertThat(worthIt.getShifts().getFirst().getVisits())
        .extracting(PlanVisit::getOrderId)
        .containsExactlyInAnyOrder(1L, 2L);
    assertThat(pinned.getScore().hardScore()).isZero();
    assertThat(pinned.getShifts().getFirst().getVisits())
        .extracting(PlanVisit::getOrderId)
        .containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void theVerifierCatchesBrokenRulesSoItsSilenceMeansSomething() {
    long start = InstanceGenerator.minutes(java.time.LocalTime.of(8, 0));
    var shift = networkShift(new GeoPoint(25.04, 121.54), start, start + 60);
    var visit =
        new PlanVisit(
            9,
            new GeoPoint(25.2, 121.7),
            Set.of("hvac"),
            45,
            start,
            start + 30,
            10,
            List.of(new dev.callcenter.helpdesk.dispatch.PartQuantity(3, 1)),
            2L);
    shift.setVisits(new ArrayList<>(List.of(visit)));

    assertThat(PlanVerifier.violations(List.of(shift), List.of(visit)))
        .extracting(PlanVerifier.Violation::rule)
        .contains("skills", "window", "hours", "parts", "pinned");
  }

  @Test
  void replanningAFullDayKeepsStartedVisitsAtTheHeadAndPinnedOrdersWithTheirTechnician() {
    DispatchPlan day = InstanceGenerator.generate(80, 6, 42);
    DispatcherRule.plan(day);
    Map<PlanShift, List<PlanVisit>> started = new java.util.HashMap<>();
    for (PlanShift s : day.getShifts()) {
      s.setPinnedCount(Math.min(2, s.getVisits().size()));
      started.put(s, List.copyOf(s.getVisits().subList(0, s.getPinnedCount())));
    }
    // An important order nobody has yet is promised to technician 3 by the dispatcher.
    PlanShift third = day.getShifts().get(2);
    PlanVisit left =
        day.getVisits().stream().filter(v -> !served(day, v)).findFirst().orElseThrow();
    PlanVisit promised =
        new PlanVisit(
            left.getOrderId(),
            left.getSite(),
            third.getSkills(),
            15,
            third.getStart(),
            third.getEnd() - 15,
            95,
            List.of(),
            third.getTechnicianId());
    List<PlanVisit> visits = new ArrayList<>(day.getVisits());
    visits.set(visits.indexOf(left), promised);
    long servedBefore = day.getShifts().stream().mapToLong(s -> s.getVisits().size()).sum();

    var outcome =
        planner.solve(
            new DispatchPlan(day.getShifts(), visits),
            Duration.ofSeconds(3),
            Planner.Mode.FULL,
            new Planner.Run(),
            p -> {});
    DispatchPlan plan = outcome.plan();

    assertThat(PlanVerifier.violations(plan.getShifts(), plan.getVisits())).isEmpty();
    for (PlanShift s : plan.getShifts()) {
      List<Long> head =
          s.getVisits().stream().limit(s.getPinnedCount()).map(PlanVisit::getOrderId).toList();
      List<Long> before =
          started.entrySet().stream()
              .filter(e -> e.getKey().getId().equals(s.getId()))
              .findFirst()
              .orElseThrow()
              .getValue()
              .stream()
              .map(PlanVisit::getOrderId)
              .toList();
      assertThat(head).isEqualTo(before);
    }
    assertThat(plan.getShifts().get(2).getVisits())
        .extracting(PlanVisit::getOrderId)
        .contains(promised.getOrderId());
    assertThat(plan.getVisits().size() - plan.unassignedCount())
        .isGreaterThanOrEqualTo(servedBefore);
  }

  @Test
  void aDayWithNoOrderOrASingleOneIsPlannedToo() {
    for (int orders = 0; orders <= 2; orders++) {
      DispatchPlan day = InstanceGenerator.generate(3, 1, 3);
      DispatchPlan problem =
          new DispatchPlan(day.getShifts(), new ArrayList<>(day.getVisits().subList(0, orders)));

      var outcome =
          planner.solve(
              problem, Duration.ofMillis(500), Planner.Mode.FULL, new Planner.Run(), p -> {});

      assertThat(outcome.plan().getScore().hardScore()).isZero();
      assertThat(PlanVerifier.violations(outcome.plan().getShifts(), outcome.plan().getVisits()))
          .isEmpty();
    }
  }

  @Test
  void theSolverDrivesTheMinutesTheTravelModelGives() {
    DispatchPlan plan = InstanceGenerator.generate(30, 3, 5);
    PlanShift shift = plan.getShifts().getFirst();
    TravelModel travel = shift.getTravel();

    for (PlanVisit a : plan.getVisits()) {
      assertThat(shift.minutesFromHome(a)).isEqualTo(travel.minutes(shift.getHome(), a.getSite()));
      assertThat(shift.minutesHome(a)).isEqualTo(travel.minutes(a.getSite(), shift.getHome()));
      for (PlanVisit b : plan.getVisits()) {
        assertThat(shift.minutesBetween(a, b)).isEqualTo(travel.minutes(a.getSite(), b.getSite()));
      }
    }
    // A visit that is not part of the plan is driven to as the model says, not from the matrix.
    PlanVisit outside = InstanceGenerator.generate(30, 3, 6).getVisits().getFirst();
    assertThat(shift.minutesBetween(plan.getVisits().getFirst(), outside))
        .isEqualTo(travel.minutes(plan.getVisits().getFirst().getSite(), outside.getSite()));
  }

  @Test
  void aDayTheTeamCanServeStartsFromTheConstructionAndAnOverBookedOneFromTheRule() {
    DispatchPlan servable = InstanceGenerator.generate(80, 6, 1, InstanceGenerator.Load.SERVABLE);
    DispatchPlan ruled = InstanceGenerator.generate(80, 6, 1, InstanceGenerator.Load.SERVABLE);
    DispatcherRule.plan(ruled);

    DispatchPlan start = Planner.start(servable, Duration.ofSeconds(5), new Planner.Run());

    assertThat(start).isNotSameAs(servable);
    assertThat(start.mediumCost()).isLessThan(ruled.mediumCost());
    assertThat(PlanVerifier.violations(start.getShifts(), start.getVisits())).isEmpty();
    // The rule still ran on the problem itself, which the construction did not touch.
    assertThat(servable.travelMinutes()).isEqualTo(ruled.travelMinutes());

    DispatchPlan overBooked = InstanceGenerator.generate(80, 6, 1);
    assertThat(Planner.start(overBooked, Duration.ofSeconds(5), new Planner.Run()))
        .isSameAs(overBooked);
    assertThat(overBooked.mediumCost()).isEqualTo(ruled(80, 6, 1).mediumCost());
  }

  /** Technician 1's shift, skilled in networks only, no van stock. */
  private static PlanShift networkShift(GeoPoint home, long start, long end) {
    return new PlanShift(
        1,
        "T",
        Set.of("network"),
        home,
        InstanceGenerator.DAY,
        false,
        start,
        end,
        Map.of(),
        TravelModel.DEFAULT);
  }

  private static DispatchPlan ruled(int orders, int technicians, long seed) {
    DispatchPlan day = InstanceGenerator.generate(orders, technicians, seed);
    DispatcherRule.plan(day);
    return day;
  }

  private static boolean served(DispatchPlan plan, PlanVisit v) {
    return plan.getShifts().stream().anyMatch(s -> s.getVisits().contains(v));
  }

  @Test
  void stoppingEarlyReturnsTheBestPlanSoFar() {
    var run = new Planner.Run();
    var outcome =
        planner.solve(
            InstanceGenerator.generate(60, 5, 3),
            Duration.ofSeconds(30),
            Planner.Mode.FULL,
            run,
            progress -> {
              if (progress.feasible()) {
                run.stop();
              }
            });

    assertThat(outcome.millis()).isLessThan(20_000);
    assertThat(outcome.firstFeasibleMillis()).isNotNegative();
    assertThat(PlanVerifier.violations(outcome.plan().getShifts(), outcome.plan().getVisits()))
        .isEmpty();
  }
}
