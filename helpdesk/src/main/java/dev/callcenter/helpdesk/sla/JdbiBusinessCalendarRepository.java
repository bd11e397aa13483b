package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.BusinessCalendar;
import dev.callcenter.helpdesk.sla.clock.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@link BusinessCalendarRepository} on PostgreSQL through Jdbi. */
public final class JdbiBusinessCalendarRepository
    implements BusinessCalendarRepository, HolidayRepository {

  private final Jdbi jdbi;

  public JdbiBusinessCalendarRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public BusinessCalendar defaultCalendar() {
    return jdbi.inTransaction(
        h -> {
          SlaSetupDao dao = h.attach(SlaSetupDao.class);
          SlaSetupDao.CalendarRow row =
              dao.defaultCalendar()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "no default business calendar: mark one row of business_calendar"
                                  + " is_default"));
          Map<DayOfWeek, List<TimeWindow>> weekly = new EnumMap<>(DayOfWeek.class);
          for (SlaSetupDao.HoursRow hours : dao.hours(row.id())) {
            weekly
                .computeIfAbsent(hours.day(), d -> new ArrayList<>())
                .add(new TimeWindow(hours.opens(), hours.closes()));
          }
          return new BusinessCalendar(
              ZoneId.of(row.zone()), weekly, new HashSet<>(dao.holidays(row.id())));
        });
  }

  @Override
  public List<Holiday> holidays() {
    return jdbi.withExtension(SlaSetupDao.class, SlaSetupDao::defaultHolidays);
  }

  @Override
  public void put(Holiday holiday) {
    jdbi.useExtension(SlaSetupDao.class, dao -> dao.putHoliday(holiday.day(), holiday.name()));
  }

  @Override
  public boolean delete(LocalDate day) {
    return jdbi.withExtension(SlaSetupDao.class, dao -> dao.deleteHoliday(day)) > 0;
  }

  @Override
  public void replaceYear(int year, List<Holiday> holidays) {
    jdbi.useTransaction(
        handle -> {
          SlaSetupDao dao = handle.attach(SlaSetupDao.class);
          dao.deleteHolidaysOf(year);
          for (Holiday h : holidays) {
            dao.putHoliday(h.day(), h.name());
          }
        });
  }
}
