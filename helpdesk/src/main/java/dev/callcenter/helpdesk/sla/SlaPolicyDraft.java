package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;

/**
 * A new SLA policy: its key (a null column matches any value) and its targets in business minutes.
 */
public record SlaPolicyDraft(TicketType type, Priority priority, Tier tier, Targets targets) {

  public SlaPolicyDraft {
    Fields.notNull("targets", targets);
  }

  /**
   * Business minutes allowed until the first public reply and until resolution; at most a year of
   * business time, and the first response no later than the resolution.
   */
  public record Targets(Integer firstResponseMinutes, Integer resolutionMinutes) {
    /** 250 business days of 9 hours: a target beyond that is a typing mistake. */
    public static final int MAX_MINUTES = 250 * 9 * 60;

    public Targets {
      minutes("firstResponseMinutes", firstResponseMinutes);
      minutes("resolutionMinutes", resolutionMinutes);
      if (firstResponseMinutes > resolutionMinutes) {
        throw new ValidationException(
            "firstResponseMinutes", "must not be later than the resolution target");
      }
    }

    private static void minutes(String field, Integer value) {
      Fields.notNull(field, value);
      if (value < 1 || value > MAX_MINUTES) {
        throw new ValidationException(field, "must be between 1 and " + MAX_MINUTES + " minutes");
      }
    }
  }
}
