package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import java.time.LocalDate;

/** A day a technician does not work (leave, sick, training). */
public record DayOff(LocalDate day, String reason) {

  public DayOff {
    Fields.notNull("day", day);
    reason = Fields.optional("reason", reason, 200);
  }
}
