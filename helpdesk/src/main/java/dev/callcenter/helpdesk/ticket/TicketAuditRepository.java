package dev.callcenter.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

/** The append-only audit trail of ticket changes. */
public interface TicketAuditRepository {

  void append(long ticketId, Long actorId, Instant at, List<AuditChange> changes);

  /** A ticket's audit entries, oldest first. */
  List<AuditEntry> forTicket(long ticketId);
}
