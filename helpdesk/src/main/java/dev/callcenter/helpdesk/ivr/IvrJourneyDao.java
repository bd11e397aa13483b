package dev.callcenter.helpdesk.ivr;

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

/** SQL for IVR journeys; used only by {@link JdbiIvrJourneyRepository}. */
interface IvrJourneyDao {

  @SqlUpdate(
      """
      insert into ivr_journey (call_id, caller_number, started_at)
      values (:callId, :callerNumber, :startedAt)
      on conflict (call_id) do nothing
      """)
  int insertIfAbsent(
      @Bind("callId") String callId,
      @Bind("callerNumber") String callerNumber,
      @Bind("startedAt") Instant startedAt);

  /** One statement: the next sequence number is read and written under the journey's row lock. */
  @SqlUpdate(
      """
      with j as (select call_id from ivr_journey where call_id = :callId for update)
      insert into ivr_step (call_id, seq, at, menu, input, outcome, params)
      select j.call_id,
             coalesce((select max(seq) from ivr_step s where s.call_id = j.call_id), 0) + 1,
             :at, :menu, :input, :outcome,
             jsonb_object(cast(:keys as text[]), cast(:values as text[]))
        from j
      """)
  int appendStep(
      @Bind("callId") String callId,
      @Bind("at") Instant at,
      @Bind("menu") String menu,
      @Bind("input") String input,
      @Bind("outcome") String outcome,
      @Bind("keys") String[] keys,
      @Bind("values") String[] values);

  @SqlUpdate(
      """
      update ivr_journey set customer_id = coalesce(:customerId, customer_id),
                             language = coalesce(:language, language)
       where call_id = :callId
      """)
  int identify(
      @Bind("callId") String callId,
      @Bind("customerId") Long customerId,
      @Bind("language") String language);

  @SqlUpdate(
      """
      update ivr_journey set outcome = :outcome, queue = :queue, priority = :priority,
                             ticket_id = coalesce(:ticketId, ticket_id),
                             ended_at = greatest(:endedAt, started_at)
       where call_id = :callId
      """)
  int finish(
      @Bind("callId") String callId,
      @Bind("outcome") String outcome,
      @Bind("queue") String queue,
      @Bind("priority") Integer priority,
      @Bind("ticketId") Long ticketId,
      @Bind("endedAt") Instant endedAt);

  @SqlQuery("select * from ivr_journey where call_id = :callId")
  @RegisterRowMapper(JourneyMapper.class)
  Optional<IvrJourney> find(@Bind("callId") String callId);

  @SqlQuery(
      """
      select s.*,
             (select array_agg(key order by key) from jsonb_each_text(s.params)) as p_keys,
             (select array_agg(value order by key) from jsonb_each_text(s.params)) as p_values
        from ivr_step s where call_id = :callId order by seq
      """)
  @RegisterRowMapper(StepMapper.class)
  List<IvrStep> steps(@Bind("callId") String callId);

  /** Maps a journey row without its steps. */
  class JourneyMapper implements RowMapper<IvrJourney> {
    @Override
    public IvrJourney map(ResultSet rs, StatementContext ctx) throws SQLException {
      String outcome = rs.getString("outcome");
      return new IvrJourney(
          rs.getString("call_id"),
          nullableLong(rs, "customer_id"),
          rs.getString("caller_number"),
          rs.getString("language"),
          List.of(),
          nullableLong(rs, "ticket_id"),
          rs.getString("queue"),
          nullableInt(rs, "priority"),
          instant(rs.getTimestamp("started_at")),
          instant(rs.getTimestamp("ended_at")),
          outcome == null ? null : IvrOutcome.valueOf(outcome));
    }
  }

  /** Maps a step row. */
  class StepMapper implements RowMapper<IvrStep> {
    @Override
    public IvrStep map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new IvrStep(
          instant(rs.getTimestamp("at")),
          rs.getString("menu"),
          rs.getString("input"),
          rs.getString("outcome"),
          dev.callcenter.helpdesk.Params.read(rs, "p_keys", "p_values"));
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
