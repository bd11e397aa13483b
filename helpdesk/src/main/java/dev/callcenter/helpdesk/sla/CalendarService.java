package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
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

  /**
   * Sets a whole year's holidays at once (the government publishes the next year's calendar each
   * summer): every day must lie in that year and appear once; the year's other holidays go.
   */
  public List<Holiday> replaceYear(int year, List<Holiday> days) {
    if (year < 2000 || year > 2100) {
      throw new ValidationException("year", "must be between 2000 and 2100");
    }
    Fields.notNull("items", days);
    if (days.size() > 100) {
      throw new ValidationException("items", "at most 100 holidays in a year");
    }
    java.util.Set<LocalDate> seen = new java.util.HashSet<>();
    for (int i = 0; i < days.size(); i++) {
      Holiday h = days.get(i);
      if (h == null) {
        throw new ValidationException("items[" + i + "]", "must not be null");
      }
      if (h.day().getYear() != year) {
        throw new ValidationException("items[" + i + "].day", "must be in " + year);
      }
      if (!seen.add(h.day())) {
        throw new ValidationException("items[" + i + "].day", "appears twice: " + h.day());
      }
    }
    holidays.replaceYear(year, days);
    onChange.run();
    log.info("Holidays of {} replaced: {} days", year, days.size());
    return days;
  }

  public void delete(LocalDate day) {
    if (!holidays.delete(day)) {
      throw new NotFoundException("holiday", day);
    }
    onChange.run();
    log.info("Holiday {} removed", day);
  }
}
