package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.BusinessCalendar;

/** Storage of the business hours and holidays SLA clocks count in. */
public interface BusinessCalendarRepository {

  /** The default calendar with its weekly hours and holidays. */
  BusinessCalendar defaultCalendar();
}
