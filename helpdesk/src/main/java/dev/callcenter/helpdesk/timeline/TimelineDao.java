package dev.callcenter.helpdesk.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the customer timeline; used only by {@link JdbiTimelineRepository}. */
@RegisterRowMapper(TimelineDao.EntryMapper.class)
interface TimelineDao {

  /**
   * Newest first; entries at the same instant list later steps first (ticket change, comment,
   * ticket opened, interaction), then higher ids first, so paging is stable.
   */
  @SqlQuery(
      """
      select * from (
        select 'INTERACTION' as kind, 4 as step, i.started_at as at, i.id, null::bigint as ticket_id,
               i.agent_id as actor_id,
               i.channel || coalesce(': ' || left(regexp_replace(i.summary, '\\s+', ' ', 'g'), 140),
                                     '') as summary
          from interaction i
         where i.customer_id = :customerId
        union all
        select 'TICKET_CREATED', 3, t.created_at, t.id, t.id, t.created_by,
               '#' || t.id || ' ' || t.type || ' opened: ' || left(t.title, 140)
          from ticket t
         where t.customer_id = :customerId
        union all
        select 'TICKET_CHANGE', 1, a.changed_at, a.id, a.ticket_id, a.actor_id,
               '#' || a.ticket_id || ' ' || a.field || ': '
                 || coalesce(left(regexp_replace(a.old_value, '\\s+', ' ', 'g'), 60), '(none)')
                 || ' -> '
                 || coalesce(left(regexp_replace(a.new_value, '\\s+', ' ', 'g'), 60), '(none)')
          from ticket_audit a join ticket t on t.id = a.ticket_id
         where t.customer_id = :customerId and a.field not in ('CREATED', 'COMMENT', 'ASSIGNMENT_REASON')
        union all
        select 'COMMENT', 2, c.created_at, c.id, c.ticket_id, c.author_id,
               '#' || c.ticket_id || ' ' || c.visibility || ' comment: '
                 || left(regexp_replace(c.body, '\\s+', ' ', 'g'), 140)
          from ticket_comment c join ticket t on t.id = c.ticket_id
         where t.customer_id = :customerId
      ) e
      order by e.at desc, e.step, e.id desc
      limit :limit offset :offset
      """)
  List<TimelineEntry> forCustomer(
      @Bind("customerId") long customerId, @Bind("limit") int limit, @Bind("offset") int offset);

  /** Maps a timeline row. */
  class EntryMapper implements RowMapper<TimelineEntry> {
    @Override
    public TimelineEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      long ticketId = rs.getLong("ticket_id");
      Long ticket = rs.wasNull() ? null : ticketId;
      long actorId = rs.getLong("actor_id");
      Long actor = rs.wasNull() ? null : actorId;
      return new TimelineEntry(
          TimelineKind.valueOf(rs.getString("kind")),
          rs.getTimestamp("at").toInstant(),
          rs.getLong("id"),
          ticket,
          actor,
          rs.getString("summary"));
    }
  }
}
