package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases on teams: create and rename them, add and remove members with skills and capacity, mark
 * people present or absent, and show each team with its members' load.
 *
 * <p>Changes here never move tickets by themselves: after adding a member, raising a capacity or a
 * change of presence the caller asks {@link AssignmentService} to drain the queues (or uses {@link
 * AssignmentService#changePresence}, which does both).
 */
public final class TeamService {

  private static final Logger log = LoggerFactory.getLogger(TeamService.class);

  private final TeamRepository teams;
  private final UserRepository users;
  private final Clock clock;

  public TeamService(TeamRepository teams, UserRepository users, Clock clock) {
    this.teams = teams;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Creates a team.
   *
   * @throws ConflictException {@code team_exists} if the key is taken
   */
  public Team create(TeamDraft draft) {
    if (!teams.insert(draft, clock.instant())) {
      throw new ConflictException(
          "team_exists",
          "A team with key " + draft.key() + " exists already; edit it instead",
          Map.of("key", draft.key()));
    }
    log.info("Team {} created with default capacity {}", draft.key(), draft.defaultCapacity());
    return get(draft.key());
  }

  /** Renames the team and sets its default capacity; the key stays. */
  public Team update(TeamDraft draft) {
    if (!teams.update(draft, clock.instant())) {
      throw new NotFoundException("team", draft.key());
    }
    log.info("Team {} now has default capacity {}", draft.key(), draft.defaultCapacity());
    return get(draft.key());
  }

  public Team get(String key) {
    String k = TeamDraft.key(key);
    return teams.find(k).orElseThrow(() -> new NotFoundException("team", k));
  }

  /** The team with this key, if there is one (any text may be asked for). */
  public Optional<Team> find(String key) {
    return key == null ? Optional.empty() : teams.find(key);
  }

  /** Every team with its members and their current load, by key. */
  public List<TeamOverview> teams() {
    Map<String, List<TeamMember>> members =
        teams.members(null).stream().collect(Collectors.groupingBy(TeamMember::teamKey));
    return teams.all().stream()
        .map(t -> overview(t, members.getOrDefault(t.key(), List.of())))
        .toList();
  }

  public TeamOverview team(String key) {
    Team team = get(key);
    return overview(team, teams.members(team.key()));
  }

  /**
   * Adds an active user to the team, or replaces the skills and capacity of a member. A person new
   * to teams starts present; one already in another team keeps their presence.
   */
  public TeamMember putMember(String teamKey, long userId, MemberDraft draft) {
    Team team = get(teamKey);
    User user = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    if (!user.active()) {
      throw new ConflictException(
          "user_deactivated",
          "User " + user.username() + " is deactivated and cannot join a team",
          Map.of("userId", userId));
    }
    teams.putMember(team.key(), userId, draft);
    log.info(
        "User {} in team {} with skills {} and capacity {}",
        user.username(),
        team.key(),
        draft.skills(),
        draft.capacity() == null ? "default" : draft.capacity());
    return teams.member(team.key(), userId).orElseThrow();
  }

  /** One membership with its current load. */
  public TeamMember member(String teamKey, long userId) {
    Team team = get(teamKey);
    return teams
        .member(team.key(), userId)
        .orElseThrow(() -> new NotFoundException("team_member", team.key() + "/" + userId));
  }

  /**
   * Removes the member from the team. Their tickets stay with them; the team's waiting tickets are
   * no longer offered to them.
   */
  public void removeMember(String teamKey, long userId) {
    Team team = get(teamKey);
    if (!teams.removeMember(team.key(), userId)) {
      throw new NotFoundException("team_member", team.key() + "/" + userId);
    }
    log.info("User {} left team {}", userId, team.key());
  }

  /**
   * Marks the person present (may receive tickets) or absent in every team they belong to.
   *
   * @throws ConflictException {@code not_a_team_member} if they belong to no team
   */
  public void setPresence(long userId, boolean present) {
    User user = users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    if (teams.setPresence(userId, present) == 0) {
      throw new ConflictException(
          "not_a_team_member",
          "User " + user.username() + " belongs to no team; add them to a team first",
          Map.of("userId", userId));
    }
    log.info("User {} is now {}", user.username(), present ? "present" : "absent");
  }

  /** Keys of the teams the user belongs to, sorted. */
  public List<String> teamsOf(long userId) {
    return teams.teamsOf(userId);
  }

  private static TeamOverview overview(Team team, List<TeamMember> members) {
    return new TeamOverview(team.key(), team.name(), team.defaultCapacity(), members);
  }
}
