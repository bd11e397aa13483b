package dev.callcenter.helpdesk.interaction;

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
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for interactions; used only by {@link JdbiInteractionRepository}. */
@RegisterRowMapper(InteractionDao.Mapper.class)
interface InteractionDao {

  String SELECT =
      "select i.*, u.display_name as agent_name, (select array_agg(key order by key) from"
          + " jsonb_each_text(i.event_params)) as p_keys, (select array_agg(value order by key)"
          + " from jsonb_each_text(i.event_params)) as p_values from interaction i left join"
          + " app_user u on u.id = i.agent_id ";

  @SqlUpdate(
      """
      insert into interaction (customer_id, channel, direction, started_at, ended_at, agent_id,
        summary, pbx_uniqueid, pbx_linkedid, queue, caller_number, wait_seconds, ring_seconds,
        talk_seconds, hold_seconds, hangup_cause, recording_ref, hangup_by, event, event_params)
      values (:d.customerId, :d.channel, :d.direction, :startedAt, :d.endedAt, :agentId, :d.summary,
        :c.uniqueid, :c.linkedid, :c.queue, :c.callerNumber, :c.waitSeconds, :c.ringSeconds,
        :c.talkSeconds, :c.holdSeconds, :c.hangupCause, :c.recordingRef, :c.hangupBy, :event,
        case when cast(:event as text) is null then null
             else jsonb_object(cast(:keys as text[]), cast(:values as text[])) end)
      """)
  @GetGeneratedKeys("id")
  long insert(
      @BindMethods("d") InteractionDraft draft,
      @Bind("startedAt") Instant startedAt,
      @Bind("agentId") Long agentId,
      @BindMethods("c") CallDetails call,
      @Bind("event") String event,
      @Bind("keys") String[] keys,
      @Bind("values") String[] values);

  @SqlUpdate(
      """
      update interaction set ended_at = :endedAt, ring_seconds = :c.ringSeconds,
        talk_seconds = :c.talkSeconds, hold_seconds = :c.holdSeconds,
        wait_seconds = coalesce(:c.waitSeconds, wait_seconds),
        hangup_cause = :c.hangupCause, hangup_by = :c.hangupBy,
        recording_ref = coalesce(:c.recordingRef, recording_ref)
      where id = :id and ended_at is null
      """)
  int endCall(
      @Bind("id") long id, @Bind("endedAt") Instant endedAt, @BindMethods("c") CallDetails c);

  @SqlQuery(SELECT + "where i.id = :id")
  Optional<Interaction> find(@Bind("id") long id);

  @SqlQuery(
      SELECT
          + "where i.customer_id = :customerId order by i.started_at desc, i.id desc"
          + " limit :limit offset :offset")
  List<Interaction> forCustomer(
      @Bind("customerId") long customerId, @Bind("limit") int limit, @Bind("offset") int offset);

  @SqlQuery(SELECT + "where i.pbx_linkedid = :linkedid order by i.started_at, i.id")
  List<Interaction> forCall(@Bind("linkedid") String linkedid);

  /** Maps an interaction row. */
  class Mapper implements RowMapper<Interaction> {
    @Override
    public Interaction map(ResultSet rs, StatementContext ctx) throws SQLException {
      CallDetails call =
          new CallDetails(
              rs.getString("pbx_uniqueid"),
              rs.getString("pbx_linkedid"),
              rs.getString("queue"),
              rs.getString("caller_number"),
              (Integer) rs.getObject("wait_seconds"),
              (Integer) rs.getObject("ring_seconds"),
              (Integer) rs.getObject("talk_seconds"),
              (Integer) rs.getObject("hold_seconds"),
              rs.getString("hangup_cause"),
              rs.getString("recording_ref"),
              rs.getString("hangup_by"));
      boolean hasCall = call.uniqueid() != null || call.linkedid() != null || call.queue() != null;
      long customerId = rs.getLong("customer_id");
      Long customer = rs.wasNull() ? null : customerId;
      long agentId = rs.getLong("agent_id");
      Long agent = rs.wasNull() ? null : agentId;
      return new Interaction(
          rs.getLong("id"),
          customer,
          Channel.valueOf(rs.getString("channel")),
          Direction.valueOf(rs.getString("direction")),
          instant(rs.getTimestamp("started_at")),
          instant(rs.getTimestamp("ended_at")),
          agent,
          rs.getString("agent_name"),
          rs.getString("summary"),
          hasCall ? call : null,
          instant(rs.getTimestamp("created_at")),
          rs.getString("event") == null ? null : InteractionEvent.valueOf(rs.getString("event")),
          dev.callcenter.helpdesk.Params.read(rs, "p_keys", "p_values"));
    }

    private static Instant instant(Timestamp t) {
      return t == null ? null : t.toInstant();
    }
  }
}
