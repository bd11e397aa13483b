package dev.callcenter.helpdesk.dispatch.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.dispatch.planning.InstanceGenerator.Load;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceGeneratorTest {

  @Test
  void theServableDayIsTheOverBookedDayWithALargerTeam() {
    DispatchPlan full = InstanceGenerator.generate(80, 6, 42);
    DispatchPlan servable = InstanceGenerator.generate(80, 6, 42, Load.SERVABLE);

    assertThat(servable.getShifts()).hasSize(11);
    assertThat(servable.getVisits()).hasSameSizeAs(full.getVisits());
    for (int i = 0; i < full.getVisits().size(); i++) {
      assertThat(describe(servable.getVisits().get(i)))
          .isEqualTo(describe(full.getVisits().get(i)));
    }
    for (int i = 0; i < full.getShifts().size(); i++) {
      assertThat(describe(servable.getShifts().get(i)))
          .isEqualTo(describe(full.getShifts().get(i)));
    }
    assertThat(InstanceGenerator.generate(500, 40, 7, Load.SERVABLE).getShifts()).hasSize(72);
  }

  @Test
  void theRuleLeavesFewerOrdersOutOnTheServableDay() {
    for (long seed : new long[] {42, 7, 1}) {
      DispatchPlan full = InstanceGenerator.generate(80, 6, seed);
      DispatchPlan servable = InstanceGenerator.generate(80, 6, seed, Load.SERVABLE);

      int fullLeft = DispatcherRule.plan(full).unassigned();
      int servableLeft = DispatcherRule.plan(servable).unassigned();

      assertThat(servableLeft).isLessThan(fullLeft);
      assertThat(PlanVerifier.violations(servable.getShifts(), servable.getVisits())).isEmpty();
    }
  }

  private static List<Object> describe(PlanVisit v) {
    return List.of(
        v.getOrderId(),
        v.getSite(),
        v.getSkills(),
        v.getDuration(),
        v.getWindowStart(),
        v.getWindowEnd(),
        v.getPriority(),
        v.getParts());
  }

  private static List<Object> describe(PlanShift s) {
    return List.of(
        s.getTechnicianId(),
        s.getSkills(),
        s.getHome(),
        s.isDayOff(),
        s.getStart(),
        s.getEnd(),
        s.getVanStock());
  }
}
