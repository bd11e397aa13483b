package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

/**
 * What a dispatcher sets for a technician: skills, home base, time zone and weekly hours.
 *
 * @param timeZone IANA zone of the hours and days off; null is Asia/Taipei
 */
public record TechnicianProfile(
    List<String> skills,
    Double homeLat,
    Double homeLon,
    String timeZone,
    List<WorkingHours> hours) {

  public TechnicianProfile {
    skills = Fields.labels("skills", Fields.notNull("skills", skills), 30, 64);
    new GeoPoint(Fields.notNull("homeLat", homeLat), Fields.notNull("homeLon", homeLon));
    timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Taipei" : timeZone.strip();
    try {
      ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new ValidationException("timeZone", "is not a time zone: " + timeZone);
    }
    hours = hours == null ? List.of() : List.copyOf(Fields.maxSize("hours", hours, 7));
    var days = new HashSet<java.time.DayOfWeek>();
    for (WorkingHours h : hours) {
      if (h == null || !days.add(h.weekday())) {
        throw new ValidationException("hours", "must name each weekday at most once");
      }
    }
  }

  public GeoPoint home() {
    return new GeoPoint(homeLat, homeLon);
  }
}
