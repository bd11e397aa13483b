package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.SlaEventKind;
import dev.callcenter.helpdesk.sla.clock.SlaPoint;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import dev.callcenter.helpdesk.sla.clock.SlaTarget;
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
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for pauses, SLA schedules and SLA events; used only by {@link JdbiTicketSlaRepository}. */
@RegisterRowMapper(TicketSlaDao.PauseRowMapper.class)
@RegisterRowMapper(TicketSlaDao.EventMapper.class)
@RegisterRowMapper(TicketSlaDao.PointRowMapper.class)
interface TicketSlaDao {

  @SqlQuery(
      "select ticket_id, started_at, ended_at from ticket_sla_pause"
          + " where ticket_id = any(:ids) order by ticket_id, started_at, id")
  List<PauseRow> pauses(@Bind("ids") long[] ticketIds);

  @SqlUpdate(
      "insert into ticket_sla_pause (ticket_id, reason, started_at)"
          + " values (:ticketId, :reason, :from)")
  void openPause(
      @Bind("ticketId") long ticketId, @Bind("reason") String reason, @Bind("from") Instant from);

  @SqlUpdate(
      "update ticket_sla_pause set ended_at = :to where ticket_id = :ticketId and ended_at is null")
  int closeOpenPause(@Bind("ticketId") long ticketId, @Bind("to") Instant to);

  @SqlUpdate(
      "insert into ticket_sla_pause (ticket_id, reason, started_at, ended_at)"
          + " values (:ticketId, :reason, :from, :to)")
  void addPause(
      @Bind("ticketId") long ticketId,
      @Bind("reason") String reason,
      @Bind("from") Instant from,
      @Bind("to") Instant to);

  @SqlUpdate(
      """
      update ticket set first_response_warn_at = :s.firstResponseWarnAt,
             first_response_due_at = :s.firstResponseDueAt,
             resolution_warn_at = :s.resolutionWarnAt, resolution_due_at = :s.resolutionDueAt,
             next_sla_check_at = :next
       where id = :id
      """)
  void storeSchedule(
      @Bind("id") long ticketId,
      @BindMethods("s") SlaSchedule schedule,
      @Bind("next") Instant nextCheckAt);

  @SqlQuery(
      "select id from ticket where next_sla_check_at <= :now"
          + " order by next_sla_check_at, id limit :limit for update skip locked")
  List<Long> lockDueForCheck(@Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery("select ticket_id, target, kind from sla_event where ticket_id = any(:ids)")
  List<PointRow> recordedPoints(@Bind("ids") long[] ticketIds);

  @SqlQuery(
      """
      insert into sla_event (ticket_id, target, kind, reached_at, recorded_at)
      values (:ticketId, :target, :kind, :reachedAt, :recordedAt)
      on conflict (ticket_id, target, kind) do nothing
      returning *
      """)
  Optional<SlaEvent> recordEvent(
      @Bind("ticketId") long ticketId,
      @Bind("target") String target,
      @Bind("kind") String kind,
      @Bind("reachedAt") Instant reachedAt,
      @Bind("recordedAt") Instant recordedAt);

  @SqlQuery("select * from sla_event where ticket_id = :ticketId order by reached_at, id")
  List<SlaEvent> events(@Bind("ticketId") long ticketId);

  /** A pause with the ticket it belongs to. */
  record PauseRow(long ticketId, Instant from, Instant to) {}

  /** A recorded SLA point with its ticket. */
  record PointRow(long ticketId, SlaPoint point) {}

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** Maps a pause row. */
  class PauseRowMapper implements RowMapper<PauseRow> {
    @Override
    public PauseRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PauseRow(
          rs.getLong("ticket_id"), instant(rs, "started_at"), instant(rs, "ended_at"));
    }
  }

  /** Maps a recorded point row. */
  class PointRowMapper implements RowMapper<PointRow> {
    @Override
    public PointRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PointRow(
          rs.getLong("ticket_id"),
          new SlaPoint(
              SlaTarget.valueOf(rs.getString("target")),
              SlaEventKind.valueOf(rs.getString("kind"))));
    }
  }

  /** Maps an event row. */
  class EventMapper implements RowMapper<SlaEvent> {
    @Override
    public SlaEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new SlaEvent(
          rs.getLong("id"),
          rs.getLong("ticket_id"),
          SlaTarget.valueOf(rs.getString("target")),
          SlaEventKind.valueOf(rs.getString("kind")),
          instant(rs, "reached_at"),
          instant(rs, "recorded_at"));
    }
  }
}
