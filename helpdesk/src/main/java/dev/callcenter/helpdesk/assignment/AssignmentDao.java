package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for locking members, loading candidates and reading queues; used by the Jdbi repository. */
@RegisterRowMapper(AssignmentDao.CandidateMapper.class)
@RegisterRowMapper(AssignmentDao.QueuedMapper.class)
interface AssignmentDao {

  /**
   * VIP customers first, then URGENT › HIGH › NORMAL › LOW, then the oldest, then the lowest id.
   */
  String DRAIN_ORDER =
      " order by coalesce(c.tier_override, c.tier) = 'VIP' desc,"
          + " case t.priority when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2"
          + " else 3 end, t.created_at, t.id";

  String QUEUE =
      "select t.id, t.title, t.status, t.priority, t.customer_id, c.name as customer_name,"
          + " coalesce(c.tier_override, c.tier) = 'VIP' as vip, t.required_skills,"
          + " t.assignment_reason, t.created_at"
          + " from ticket t join customer c on c.id = t.customer_id"
          + " where t.team = :team and t.assignee_id is null"
          + " and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')"
          + DRAIN_ORDER
          + " limit :limit";

  @SqlQuery(
      """
      select m.user_id from team_member m
       where m.user_id in (select o.user_id from team_member o where o.team_key = :team)
       order by m.user_id, m.team_key
         for update of m
      """)
  List<Long> lockMembers(@Bind("team") String team);

  @SqlQuery(
      """
      select m.user_id, u.username, m.skills, m.present,
             coalesce(m.capacity, t.default_capacity) as capacity, m.last_assigned_at,
             (select count(*) from ticket k where k.assignee_id = m.user_id
                 and k.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')) as open_tickets
        from team_member m join team t on t.key = m.team_key join app_user u on u.id = m.user_id
       where m.team_key = :team and m.user_id = any(:userIds) and u.active
       order by m.user_id
      """)
  List<Candidate> candidates(@Bind("team") String team, @Bind("userIds") long[] userIds);

  @SqlUpdate(
      "update team_member set last_assigned_at = :at where team_key = :team and user_id = :userId")
  int markAssigned(@Bind("team") String team, @Bind("userId") long userId, @Bind("at") Instant at);

  @SqlQuery(QUEUE)
  List<QueuedTicket> queue(@Bind("team") String team, @Bind("limit") int limit);

  @SqlQuery(QUEUE + " for update of t skip locked")
  List<QueuedTicket> lockQueue(@Bind("team") String team, @Bind("limit") int limit);

  @SqlQuery(
      "select t.id from ticket t join customer c on c.id = t.customer_id"
          + " where t.assignee_id = :userId and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')"
          + DRAIN_ORDER)
  List<Long> openTicketsOf(@Bind("userId") long userId);

  @SqlQuery(
      """
      select distinct t.team from ticket t join team on team.key = t.team
       where t.assignee_id is null and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')
       order by t.team
      """)
  List<String> teamsWithQueue();

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** Maps a member row as the policy sees it. */
  class CandidateMapper implements RowMapper<Candidate> {
    @Override
    public Candidate map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Candidate(
          rs.getLong("user_id"),
          rs.getString("username"),
          Set.of((String[]) rs.getArray("skills").getArray()),
          rs.getBoolean("present"),
          rs.getInt("open_tickets"),
          rs.getInt("capacity"),
          instant(rs, "last_assigned_at"));
    }
  }

  /** Maps a queued ticket row. */
  class QueuedMapper implements RowMapper<QueuedTicket> {
    @Override
    public QueuedTicket map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new QueuedTicket(
          rs.getLong("id"),
          rs.getString("title"),
          TicketStatus.valueOf(rs.getString("status")),
          Priority.valueOf(rs.getString("priority")),
          rs.getLong("customer_id"),
          rs.getString("customer_name"),
          rs.getBoolean("vip"),
          List.of((String[]) rs.getArray("required_skills").getArray()),
          rs.getString("assignment_reason"),
          instant(rs, "created_at"));
    }
  }
}
