package dev.callcenter.helpdesk.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InsertionRepairTest {

  @Test
  void anEmergencyOnAFullDayTakesTheLeastImportantPlaceItCanAndStartedVisitsStay() {
    DispatchPlan day = InstanceGenerator.generate(80, 6, 42);
    DispatcherRule.plan(day);
    Map<PlanShift, PlanVisit> started = new HashMap<>();
    for (PlanShift s : day.getShifts()) {
      s.setPinnedCount(Math.min(1, s.getVisits().size()));
      if (!s.getVisits().isEmpty()) {
        started.put(s, s.getVisits().getFirst());
      }
    }
    long servedBefore = served(day);
    long servedPriorityBefore = servedPriority(day);
    PlanVisit urgent =
        new PlanVisit(
            99_999L,
            new GeoPoint(25.04, 121.54),
            Set.of("hvac"),
            30,
            InstanceGenerator.minutes(LocalTime.of(10, 0)),
            InstanceGenerator.minutes(LocalTime.of(12, 0)),
            95,
            List.of(),
            null);
    List<PlanVisit> visits = new ArrayList<>(day.getVisits());
    visits.add(urgent);
    DispatchPlan problem = new DispatchPlan(day.getShifts(), visits);
    long costBefore = problem.mediumCost();

    int placed = InsertionRepair.apply(problem);

    assertThat(placed).isPositive();
    assertThat(problem.getShifts()).anySatisfy(s -> assertThat(s.getVisits()).contains(urgent));
    assertThat(PlanVerifier.violations(problem.getShifts(), problem.getVisits())).isEmpty();
    started.forEach((s, v) -> assertThat(s.getVisits().getFirst()).isSameAs(v));
    // Every step serves one more order or a more important one instead: never fewer, never less.
    assertThat(served(problem)).isGreaterThanOrEqualTo(servedBefore);
    assertThat(servedPriority(problem)).isGreaterThan(servedPriorityBefore);
    // And each step lowers the medium score: orders left out and driving at its price.
    assertThat(problem.mediumCost()).isLessThan(costBefore);
  }

  @Test
  void anOrderWithRoomButNotWorthItsDetourStaysOutUnlessItIsWorthMore() {
    for (int worth : new int[] {60, 500}) {
      DispatchPlan day = InstanceGenerator.generate(3, 1, 3);
      PlanShift shift = day.getShifts().getFirst();
      PlanVisit far =
          new PlanVisit(
              7L,
              new GeoPoint(shift.getHome().lat(), shift.getHome().lon() + 0.3),
              shift.getSkills(),
              30,
              shift.getStart(),
              shift.getEnd() - 30,
              50,
              List.of(),
              null);
      DispatchPlan problem = new DispatchPlan(day.getShifts(), new ArrayList<>(List.of(far)));
      problem.setOrderWorthMinutes(worth);

      InsertionRepair.apply(problem);

      if (worth == 60) {
        assertThat(shift.getVisits()).isEmpty();
        assertThat(InsertionRepair.fits(problem.getShifts(), far)).isTrue();
      } else {
        assertThat(shift.getVisits()).containsExactly(far);
      }
    }
  }

  private static long served(DispatchPlan plan) {
    return plan.getShifts().stream().mapToLong(s -> s.getVisits().size()).sum();
  }

  private static long servedPriority(DispatchPlan plan) {
    return plan.getShifts().stream()
        .flatMap(s -> s.getVisits().stream())
        .mapToLong(PlanVisit::getPriority)
        .sum();
  }
}
