package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.sla.BusinessCalendar;

/** Storage of the business hours and holidays SLA clocks count in. */
public interface BusinessCalendarRepository {

  /** The default calendar with its weekly hours and holidays. */
  BusinessCalendar defaultCalendar();
}
