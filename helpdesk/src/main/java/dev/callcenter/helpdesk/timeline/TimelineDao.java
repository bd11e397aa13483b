package dev.callcenter.helpdesk.timeline;

import dev.callcenter.helpdesk.Params;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.ticket.AuditField;
import dev.callcenter.helpdesk.ticket.CommentVisibility;
import dev.callcenter.helpdesk.ticket.TicketType;
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
   * ticket opened, interaction), then higher ids first, so paging is stable. Every branch selects
   * the same columns; those of other kinds are null.
   */
  @SqlQuery(
      """
      select e.*, u.display_name as actor_name,
             (select array_agg(key order by key) from jsonb_each_text(e.params)) as p_keys,
             (select array_agg(value order by key) from jsonb_each_text(e.params)) as p_values,
             ou.display_name as old_name, nu.display_name as new_name
      from (
        select 'INTERACTION' as kind, 4 as step, i.started_at as at, i.id, null::bigint as ticket_id,
               i.agent_id as actor_id,
               i.channel, i.direction, i.event, i.event_params as params, i.queue, i.wait_seconds,
               i.talk_seconds, left(regexp_replace(i.summary, '\\s+', ' ', 'g'), 140) as text,
               null as type, null as field, null as old_value, null as new_value,
               null as visibility
          from interaction i
         where i.customer_id = :customerId
        union all
        select 'TICKET_CREATED', 3, t.created_at, t.id, t.id, t.created_by,
               null, null, null, null, null, null, null, left(t.title, 140),
               t.type, null, null, null, null
          from ticket t
         where t.customer_id = :customerId
        union all
        select 'TICKET_CHANGE', 1, a.changed_at, a.id, a.ticket_id, a.actor_id,
               null, null, null, null, null, null, null, null,
               null, a.field,
               left(regexp_replace(a.old_value, '\\s+', ' ', 'g'), 60),
               left(regexp_replace(a.new_value, '\\s+', ' ', 'g'), 60),
               null
          from ticket_audit a join ticket t on t.id = a.ticket_id
         where t.customer_id = :customerId and a.field not in ('CREATED', 'COMMENT', 'ASSIGNMENT_REASON')
        union all
        select 'COMMENT', 2, c.created_at, c.id, c.ticket_id, c.author_id,
               null, null, null, null, null, null, null,
               left(regexp_replace(c.body, '\\s+', ' ', 'g'), 140),
               null, null, null, null, c.visibility
          from ticket_comment c join ticket t on t.id = c.ticket_id
         where t.customer_id = :customerId
      ) e
      left join app_user u on u.id = e.actor_id
      left join app_user ou on ou.id = case when e.field = 'ASSIGNEE'
                                             and e.old_value ~ '^[0-9]{1,18}$'
                                            then cast(e.old_value as bigint) end
      left join app_user nu on nu.id = case when e.field = 'ASSIGNEE'
                                             and e.new_value ~ '^[0-9]{1,18}$'
                                            then cast(e.new_value as bigint) end
      order by e.at desc, e.step, e.id desc
      limit :limit offset :offset
      """)
  List<TimelineEntry> forCustomer(
      @Bind("customerId") long customerId, @Bind("limit") int limit, @Bind("offset") int offset);

  /** Maps a timeline row. */
  class EntryMapper implements RowMapper<TimelineEntry> {
    @Override
    public TimelineEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      TimelineKind kind = TimelineKind.valueOf(rs.getString("kind"));
      TimelineEntry.Contact contact = null;
      TimelineEntry.Opened opened = null;
      TimelineEntry.Change change = null;
      TimelineEntry.Note note = null;
      switch (kind) {
        case INTERACTION -> {
          InteractionEvent event =
              rs.getString("event") == null
                  ? null
                  : InteractionEvent.valueOf(rs.getString("event"));
          contact =
              new TimelineEntry.Contact(
                  Channel.valueOf(rs.getString("channel")),
                  Direction.valueOf(rs.getString("direction")),
                  event,
                  Params.read(rs, "p_keys", "p_values"),
                  rs.getString("queue"),
                  (Integer) rs.getObject("wait_seconds"),
                  (Integer) rs.getObject("talk_seconds"),
                  answered(event),
                  rs.getString("text"));
        }
        case TICKET_CREATED ->
            opened =
                new TimelineEntry.Opened(
                    TicketType.valueOf(rs.getString("type")), rs.getString("text"));
        case TICKET_CHANGE ->
            change =
                new TimelineEntry.Change(
                    AuditField.valueOf(rs.getString("field")),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("old_name"),
                    rs.getString("new_name"));
        case COMMENT ->
            note =
                new TimelineEntry.Note(
                    CommentVisibility.valueOf(rs.getString("visibility")), rs.getString("text"));
      }
      long ticketId = rs.getLong("ticket_id");
      Long ticket = rs.wasNull() ? null : ticketId;
      long actorId = rs.getLong("actor_id");
      Long actor = rs.wasNull() ? null : actorId;
      return new TimelineEntry(
          kind,
          rs.getTimestamp("at").toInstant(),
          rs.getLong("id"),
          ticket,
          actor,
          rs.getString("actor_name"),
          contact,
          opened,
          change,
          note);
    }

    private static Boolean answered(InteractionEvent event) {
      if (event == null) {
        return null;
      }
      return switch (event) {
        case ANSWERED -> true;
        case ABANDONED, UNANSWERED -> false;
        case IVR, FOLLOW_UP_DONE -> null;
      };
    }
  }
}
