package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Technicians' planning data: skills, base, hours, days off and van. */
public interface TechnicianRepository {

  /** Creates or replaces the profile; the first save also creates the van's stock location. */
  void save(long userId, String vanName, TechnicianProfile profile, Instant at);

  Optional<Technician> find(long userId);

  List<Technician> list();

  /** False when the day was already off. */
  boolean addDayOff(long userId, DayOff day);

  boolean removeDayOff(long userId, LocalDate day);
}
