package dev.callcenter.helpdesk.dispatch;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A user with role TECHNICIAN as the dispatcher plans them.
 *
 * @param home where their day starts and ends
 * @param vanLocationId the stock location of their van
 * @param hours their shifts by weekday; a weekday without one is not worked
 */
public record Technician(
    long userId,
    String displayName,
    List<String> skills,
    GeoPoint home,
    ZoneId timeZone,
    long vanLocationId,
    List<WorkingHours> hours,
    List<DayOff> daysOff) {

  public Technician {
    skills = List.copyOf(skills);
    hours = List.copyOf(hours);
    daysOff = List.copyOf(daysOff);
  }

  /** The shift on {@code day}, empty on a day off or an unworked weekday. */
  public Optional<WorkingHours> shiftOn(LocalDate day) {
    if (daysOff.stream().anyMatch(d -> d.day().equals(day))) {
      return Optional.empty();
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return hours.stream().filter(h -> h.weekday() == weekday).findFirst();
  }
}
