package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.Fields;
import java.time.LocalDate;

/** A day without business time in the default calendar (SLA clocks do not run on it). */
public record Holiday(LocalDate day, String name) {

  public Holiday {
    Fields.notNull("day", day);
    name = Fields.required("name", name, 100);
  }
}
