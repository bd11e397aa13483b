package dev.callcenter.helpdesk.assignment;

import java.util.List;

/** A team with its members and their load, members ordered by username. */
public record TeamOverview(String key, String name, int defaultCapacity, List<TeamMember> members) {

  public TeamOverview {
    members = List.copyOf(members);
  }
}
