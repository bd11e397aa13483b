package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for SLA policies and business calendars; used only by {@link JdbiSlaPolicyRepository} and
 * {@link JdbiBusinessCalendarRepository}.
 */
@RegisterRowMapper(SlaSetupDao.PolicyMapper.class)
@RegisterRowMapper(SlaSetupDao.CalendarRowMapper.class)
@RegisterRowMapper(SlaSetupDao.HoursRowMapper.class)
interface SlaSetupDao {

  @SqlQuery("select * from sla_policy order by id")
  List<SlaPolicy> policies();

  @SqlQuery(
      "insert into sla_policy (ticket_type, priority, tier, first_response_minutes,"
          + " resolution_minutes) values (:type, :priority, :tier, :firstResponse, :resolution)"
          + " on conflict do nothing returning *")
  Optional<SlaPolicy> insertPolicy(
      @Bind("type") String type,
      @Bind("priority") String priority,
      @Bind("tier") String tier,
      @Bind("firstResponse") int firstResponseMinutes,
      @Bind("resolution") int resolutionMinutes);

  @SqlQuery(
      "update sla_policy set first_response_minutes = :firstResponse,"
          + " resolution_minutes = :resolution where id = :id returning *")
  Optional<SlaPolicy> updatePolicy(
      @Bind("id") long id,
      @Bind("firstResponse") int firstResponseMinutes,
      @Bind("resolution") int resolutionMinutes);

  @SqlUpdate("delete from sla_policy where id = :id")
  int deletePolicy(@Bind("id") long id);

  @SqlUpdate(
      "delete from holiday where extract(year from day) = :year"
          + " and calendar_id = (select id from business_calendar where is_default)")
  int deleteHolidaysOf(@Bind("year") int year);

  @SqlQuery("select id, zone from business_calendar where is_default")
  Optional<CalendarRow> defaultCalendar();

  @SqlQuery(
      "select day_of_week, opens, closes from business_hours where calendar_id = :id"
          + " order by day_of_week, opens")
  List<HoursRow> hours(@Bind("id") long calendarId);

  @SqlQuery("select day from holiday where calendar_id = :id order by day")
  List<LocalDate> holidays(@Bind("id") long calendarId);

  @SqlQuery(
      "select h.day, h.name from holiday h join business_calendar c on c.id = h.calendar_id"
          + " where c.is_default order by h.day")
  @RegisterRowMapper(HolidayMapper.class)
  List<Holiday> defaultHolidays();

  @SqlUpdate(
      "insert into holiday (calendar_id, day, name)"
          + " select id, :day, :name from business_calendar where is_default"
          + " on conflict (calendar_id, day) do update set name = excluded.name")
  void putHoliday(@Bind("day") LocalDate day, @Bind("name") String name);

  @SqlUpdate(
      "delete from holiday where day = :day"
          + " and calendar_id = (select id from business_calendar where is_default)")
  int deleteHoliday(@Bind("day") LocalDate day);

  /** Maps a holiday row. */
  class HolidayMapper implements RowMapper<Holiday> {
    @Override
    public Holiday map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name"));
    }
  }

  /** A calendar's id and zone. */
  record CalendarRow(long id, String zone) {}

  /** One working window of a day of the week. */
  record HoursRow(DayOfWeek day, LocalTime opens, LocalTime closes) {}

  /** Maps a policy row. */
  class PolicyMapper implements RowMapper<SlaPolicy> {
    @Override
    public SlaPolicy map(ResultSet rs, StatementContext ctx) throws SQLException {
      String type = rs.getString("ticket_type");
      String priority = rs.getString("priority");
      String tier = rs.getString("tier");
      return new SlaPolicy(
          rs.getLong("id"),
          type == null ? null : TicketType.valueOf(type),
          priority == null ? null : Priority.valueOf(priority),
          tier == null ? null : Tier.valueOf(tier),
          Duration.ofMinutes(rs.getInt("first_response_minutes")),
          Duration.ofMinutes(rs.getInt("resolution_minutes")));
    }
  }

  /** Maps a calendar row. */
  class CalendarRowMapper implements RowMapper<CalendarRow> {
    @Override
    public CalendarRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new CalendarRow(rs.getLong("id"), rs.getString("zone"));
    }
  }

  /** Maps a business-hours row. */
  class HoursRowMapper implements RowMapper<HoursRow> {
    @Override
    public HoursRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new HoursRow(
          DayOfWeek.of(rs.getInt("day_of_week")),
          rs.getObject("opens", LocalTime.class),
          rs.getObject("closes", LocalTime.class));
    }
  }
}
