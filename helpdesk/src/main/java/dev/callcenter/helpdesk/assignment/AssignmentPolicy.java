package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses who gets a ticket: among present members holding every required skill and below capacity,
 * the least loaded; ties go round robin (whoever received a ticket least recently, then the lowest
 * user id, so the choice is deterministic). Pure: no database, no clock.
 */
public final class AssignmentPolicy {

  private static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::openTickets)
          .thenComparing(
              Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .thenComparingLong(Candidate::userId);

  private AssignmentPolicy() {}

  public static AssignmentDecision choose(Set<String> requiredSkills, List<Candidate> members) {
    String skillText =
        requiredSkills.isEmpty()
            ? "no particular skill"
            : "skills " + new TreeSet<>(requiredSkills);
    List<Candidate> qualified =
        members.stream().filter(m -> m.skills().containsAll(requiredSkills)).toList();
    if (qualified.isEmpty()) {
      return new AssignmentDecision.Wait("no team member has " + skillText);
    }
    List<Candidate> present = qualified.stream().filter(Candidate::present).toList();
    if (present.isEmpty()) {
      return new AssignmentDecision.Wait("no member with " + skillText + " is present");
    }
    List<Candidate> available =
        present.stream().filter(m -> m.openTickets() < m.capacity()).sorted(ORDER).toList();
    if (available.isEmpty()) {
      return new AssignmentDecision.Wait(
          "every present member with " + skillText + " is at capacity");
    }
    Candidate chosen = available.getFirst();
    long tied = available.stream().filter(m -> m.openTickets() == chosen.openTickets()).count();
    String why =
        chosen.username()
            + " has "
            + skillText
            + ", is present and has the fewest open tickets ("
            + chosen.openTickets()
            + ")"
            + (tied > 1 ? "; round robin among " + tied + " equally loaded members" : "");
    return new AssignmentDecision.Assign(chosen.userId(), chosen.username(), why);
  }
}
