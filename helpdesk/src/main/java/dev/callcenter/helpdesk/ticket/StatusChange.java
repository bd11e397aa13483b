package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;

/**
 * A request to move a ticket to another status.
 *
 * @param resolution what was done; required when {@code to} is RESOLVED
 * @param version the version the client saw; a newer stored version is a conflict (null skips the
 *     check)
 */
public record StatusChange(TicketStatus to, String resolution, Integer version) {

  public StatusChange {
    Fields.notNull("to", to);
    resolution = Fields.optional("resolution", resolution, TicketFields.MAX_TEXT);
  }

  public static StatusChange to(TicketStatus to) {
    return new StatusChange(to, null, null);
  }

  public static StatusChange resolve(String resolution) {
    return new StatusChange(TicketStatus.RESOLVED, resolution, null);
  }
}
