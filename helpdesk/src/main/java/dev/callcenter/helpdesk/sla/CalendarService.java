package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains the holidays SLA clocks skip. New and re-measured clocks use a change at once (the
 * calendar cache is invalidated); stored due times of existing tickets follow at their next SLA
 * check.
 */
public final class CalendarService {

  private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

  private final HolidayRepository holidays;
  private final Runnable onChange;

  /**
   * @param onChange called after every change, e.g. to drop a cached calendar
   */
  public CalendarService(HolidayRepository holidays, Runnable onChange) {
    this.holidays = holidays;
    this.onChange = onChange;
  }

  public List<Holiday> holidays() {
    return holidays.holidays();
  }

  public Holiday put(Holiday holiday) {
    holidays.put(holiday);
    onChange.run();
    log.info("Holiday {} set: {}", holiday.day(), holiday.name());
    return holiday;
  }

  public void delete(LocalDate day) {
    if (!holidays.delete(day)) {
      throw new NotFoundException("holiday", day);
    }
    onChange.run();
    log.info("Holiday {} removed", day);
  }
}
