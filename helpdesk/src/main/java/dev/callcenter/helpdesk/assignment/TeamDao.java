package dev.callcenter.helpdesk.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for teams and members; used only by {@link JdbiTeamRepository}. */
@RegisterRowMapper(TeamDao.TeamMapper.class)
@RegisterRowMapper(TeamDao.MemberMapper.class)
interface TeamDao {

  /** Open tickets: the statuses that count towards a member's load. */
  String OPEN = "('NEW', 'OPEN', 'PENDING_CUSTOMER')";

  String MEMBERS =
      "select m.team_key, m.user_id, u.username, u.display_name, m.skills, m.capacity,"
          + " coalesce(m.capacity, t.default_capacity) as effective_capacity, m.present,"
          + " m.last_assigned_at,"
          + " (select count(*) from ticket k where k.assignee_id = m.user_id"
          + "   and k.status in "
          + OPEN
          + ") as open_tickets"
          + " from team_member m join team t on t.key = m.team_key"
          + " join app_user u on u.id = m.user_id ";

  @SqlUpdate(
      "insert into team (key, name, default_capacity, created_at, updated_at)"
          + " values (:key, :name, :capacity, :now, :now) on conflict (key) do nothing")
  int insert(
      @Bind("key") String key,
      @Bind("name") String name,
      @Bind("capacity") int capacity,
      @Bind("now") Instant now);

  @SqlUpdate(
      "update team set name = :name, default_capacity = :capacity, updated_at = :now"
          + " where key = :key")
  int update(
      @Bind("key") String key,
      @Bind("name") String name,
      @Bind("capacity") int capacity,
      @Bind("now") Instant now);

  @SqlQuery("select * from team where key = :key")
  Optional<Team> find(@Bind("key") String key);

  @SqlQuery("select * from team order by key")
  List<Team> all();

  @SqlUpdate(
      """
      insert into team_member (team_key, user_id, skills, capacity, present)
      values (:team, :userId, :skills, :capacity,
              coalesce((select bool_or(o.present) from team_member o where o.user_id = :userId),
                       true))
      on conflict (team_key, user_id)
        do update set skills = excluded.skills, capacity = excluded.capacity
      """)
  void putMember(
      @Bind("team") String team,
      @Bind("userId") long userId,
      @Bind("skills") List<String> skills,
      @Bind("capacity") Integer capacity);

  @SqlUpdate("delete from team_member where team_key = :team and user_id = :userId")
  int removeMember(@Bind("team") String team, @Bind("userId") long userId);

  @SqlQuery(
      MEMBERS
          + "where cast(:team as text) is null or m.team_key = :team"
          + " order by m.team_key, u.username, m.user_id")
  List<TeamMember> members(@Bind("team") String team);

  @SqlQuery(MEMBERS + "where m.team_key = :team and m.user_id = :userId")
  Optional<TeamMember> member(@Bind("team") String team, @Bind("userId") long userId);

  @SqlUpdate("update team_member set present = :present where user_id = :userId")
  int setPresence(@Bind("userId") long userId, @Bind("present") boolean present);

  @SqlQuery("select team_key from team_member where user_id = :userId order by team_key")
  List<String> teamsOf(@Bind("userId") long userId);

  /** Maps a team row. */
  class TeamMapper implements RowMapper<Team> {
    @Override
    public Team map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Team(rs.getString("key"), rs.getString("name"), rs.getInt("default_capacity"));
    }
  }

  /** Maps a membership joined with its user, team and load. */
  class MemberMapper implements RowMapper<TeamMember> {
    @Override
    public TeamMember map(ResultSet rs, StatementContext ctx) throws SQLException {
      int capacity = rs.getInt("capacity");
      Integer ownCapacity = rs.wasNull() ? null : capacity;
      Timestamp last = rs.getTimestamp("last_assigned_at");
      return new TeamMember(
          rs.getString("team_key"),
          rs.getLong("user_id"),
          rs.getString("username"),
          rs.getString("display_name"),
          List.of((String[]) rs.getArray("skills").getArray()),
          ownCapacity,
          rs.getInt("effective_capacity"),
          rs.getBoolean("present"),
          last == null ? null : last.toInstant(),
          rs.getInt("open_tickets"));
    }
  }
}
