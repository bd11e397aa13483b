package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of teams, their members, skills, capacities and presence. */
public interface TeamRepository {

  /** Inserts the team; false when the key is taken. */
  boolean insert(TeamDraft draft, Instant now);

  /** Replaces name and default capacity; false when the team does not exist. */
  boolean update(TeamDraft draft, Instant now);

  Optional<Team> find(String key);

  /** Every team by key. */
  List<Team> all();

  /**
   * Adds the member or replaces their skills and capacity. A new membership takes the person's
   * presence from their other memberships, and is present when it is their first.
   */
  void putMember(String teamKey, long userId, MemberDraft draft);

  /** False when the user was not a member. */
  boolean removeMember(String teamKey, long userId);

  /** Members with their load, by team key then username; a null key lists every team's. */
  List<TeamMember> members(String teamKey);

  Optional<TeamMember> member(String teamKey, long userId);

  /**
   * Sets the person's presence in every team they belong to.
   *
   * @return how many memberships they have
   */
  int setPresence(long userId, boolean present);

  /** Keys of the teams the user belongs to, sorted. */
  List<String> teamsOf(long userId);
}
