package dev.callcenter.helpdesk.ticket;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a ticket is in its lifecycle, and which statuses it may move to next. */
public enum TicketStatus {
  NEW,
  OPEN,
  PENDING_CUSTOMER,
  RESOLVED,
  CLOSED;

  /**
   * The statuses this one may move to: NEW → OPEN | RESOLVED; OPEN → PENDING_CUSTOMER | RESOLVED;
   * PENDING_CUSTOMER → OPEN | RESOLVED; RESOLVED → CLOSED | OPEN; CLOSED → OPEN (only within the
   * reopen window, which {@link TicketWorkflow} enforces).
   */
  public Set<TicketStatus> next() {
    return Collections.unmodifiableSet(
        switch (this) {
          case NEW -> EnumSet.of(OPEN, RESOLVED);
          case OPEN -> EnumSet.of(PENDING_CUSTOMER, RESOLVED);
          case PENDING_CUSTOMER -> EnumSet.of(OPEN, RESOLVED);
          case RESOLVED -> EnumSet.of(OPEN, CLOSED);
          case CLOSED -> EnumSet.of(OPEN);
        });
  }

  /** True while work on the ticket is outstanding (not resolved or closed). */
  public boolean isOpen() {
    return switch (this) {
      case NEW, OPEN, PENDING_CUSTOMER -> true;
      case RESOLVED, CLOSED -> false;
    };
  }
}
