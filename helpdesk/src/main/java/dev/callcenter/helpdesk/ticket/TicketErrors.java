package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import java.util.Map;

/** The errors ticket use cases share. */
final class TicketErrors {

  private TicketErrors() {}

  static NotFoundException notFound(long ticketId) {
    return new NotFoundException("ticket", ticketId);
  }

  /** Throws a stale-version conflict if the client edited another version than the stored one. */
  static void checkVersion(Ticket current, Integer expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw stale(current.id(), expectedVersion);
    }
  }

  static ConflictException stale(long ticketId, Integer expectedVersion) {
    return new ConflictException(
        "stale_ticket",
        "The ticket was changed by someone else since you loaded it; reload and apply your"
            + " changes again",
        Map.of("id", ticketId, "yourVersion", String.valueOf(expectedVersion)));
  }
}
