package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** A technician's shift on one weekday, in their own time zone. */
public record WorkingHours(DayOfWeek weekday, LocalTime starts, LocalTime ends) {

  public WorkingHours {
    Fields.notNull("weekday", weekday);
    Fields.notNull("starts", starts);
    Fields.notNull("ends", ends);
    if (!starts.isBefore(ends)) {
      throw new ValidationException("ends", "must be after starts");
    }
  }
}
