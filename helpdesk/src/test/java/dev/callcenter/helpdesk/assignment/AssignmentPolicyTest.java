package dev.callcenter.helpdesk.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

  private static Candidate member(
      long id, Set<String> skills, boolean present, int load, Instant last) {
    return new Candidate(id, "agent" + id, skills, present, load, 10, last);
  }

  @Test
  void onlyMembersWithEveryRequiredSkillQualify() {
    var decision =
        AssignmentPolicy.choose(
            Set.of("printer", "zh-TW"),
            List.of(
                member(1, Set.of("printer"), true, 0, null),
                member(2, Set.of("printer", "zh-TW", "en"), true, 5, null)));

    assertThat(decision).isInstanceOf(AssignmentDecision.Assign.class);
    assertThat(((AssignmentDecision.Assign) decision).userId()).isEqualTo(2);
    assertThat(decision.reason()).contains("agent2").contains("[printer, zh-TW]");
  }

  @Test
  void leastLoadedPresentMemberWins() {
    var decision =
        AssignmentPolicy.choose(
            Set.of(),
            List.of(
                member(1, Set.of(), true, 3, null),
                member(2, Set.of(), false, 0, null),
                member(3, Set.of(), true, 1, null)));

    assertThat(((AssignmentDecision.Assign) decision).userId()).isEqualTo(3);
  }

  @Test
  void equalLoadGoesRoundRobinByLeastRecentAssignment() {
    Instant t = Instant.parse("2026-01-05T01:00:00Z");
    var decision =
        AssignmentPolicy.choose(
            Set.of(),
            List.of(
                member(1, Set.of(), true, 2, t.plusSeconds(60)),
                member(2, Set.of(), true, 2, t),
                member(3, Set.of(), true, 2, t.plusSeconds(30))));

    assertThat(((AssignmentDecision.Assign) decision).userId()).isEqualTo(2);
    assertThat(decision.reason()).contains("round robin among 3");
  }

  @Test
  void neverAssignedBeatsRecentlyAssignedAndIdsBreakRemainingTies() {
    Instant t = Instant.parse("2026-01-05T01:00:00Z");
    assertThat(
            ((AssignmentDecision.Assign)
                    AssignmentPolicy.choose(
                        Set.of(),
                        List.of(
                            member(5, Set.of(), true, 0, t), member(7, Set.of(), true, 0, null))))
                .userId())
        .isEqualTo(7);
    assertThat(
            ((AssignmentDecision.Assign)
                    AssignmentPolicy.choose(
                        Set.of(),
                        List.of(
                            member(9, Set.of(), true, 0, null),
                            member(4, Set.of(), true, 0, null))))
                .userId())
        .isEqualTo(4);
  }

  @Test
  void waitsWithAReasonWhenNobodySuitableIsPresentOrFree() {
    assertThat(AssignmentPolicy.choose(Set.of("fax"), List.of(member(1, Set.of(), true, 0, null))))
        .isInstanceOf(AssignmentDecision.Wait.class)
        .extracting(AssignmentDecision::reason)
        .asString()
        .contains("no team member has skills [fax]");
    assertThat(AssignmentPolicy.choose(Set.of(), List.of(member(1, Set.of(), false, 0, null))))
        .extracting(AssignmentDecision::reason)
        .asString()
        .contains("is present");
    assertThat(
            AssignmentPolicy.choose(
                Set.of(), List.of(new Candidate(1, "a", Set.of(), true, 10, 10, null))))
        .extracting(AssignmentDecision::reason)
        .asString()
        .contains("capacity");
  }
}
