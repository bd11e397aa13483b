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
  }

  @Test
  void theVerifierCatchesBrokenRulesSoItsSilenceMeansSomething() {
    long start = InstanceGenerator.minutes(java.time.LocalTime.of(8, 0));
    var shift =
        new PlanShift(
            1,
            "T",
            Set.of("network"),
            new GeoPoint(25.04, 121.54),
            InstanceGenerator.DAY,
            false,
            start,
            start + 60,
            Map.of(),
            TravelModel.DEFAULT);
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
