package dev.callcenter.helpdesk.sla;

import java.time.LocalDate;
import java.util.List;

/** Storage of the default calendar's holidays. */
public interface HolidayRepository {

  /** All holidays, oldest first. */
  List<Holiday> holidays();

  /** Adds the holiday or renames it. */
  void put(Holiday holiday);

  /** False when there was no holiday on that day. */
  boolean delete(LocalDate day);

  /** The year's holidays become exactly these, all or nothing. */
  void replaceYear(int year, List<Holiday> holidays);
}
