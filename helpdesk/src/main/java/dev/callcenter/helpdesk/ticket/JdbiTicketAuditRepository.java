package dev.callcenter.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link TicketAuditRepository} on PostgreSQL through Jdbi. */
public final class JdbiTicketAuditRepository implements TicketAuditRepository {

  private final Jdbi jdbi;
  private final TicketAuditDao dao;

  public JdbiTicketAuditRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(TicketAuditDao.class);
  }

  @Override
  public void append(long ticketId, Long actorId, Instant at, List<AuditChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    if (changes.size() == 1) {
      // Most edits change one field: the fluent API is cheaper than SQL Object dispatch, which
      // still prepares every method of the DAO on each call in Jdbi 3.55 (jdbi/jdbi#2617).
      AuditChange c = changes.getFirst();
      jdbi.useHandle(
          h ->
              h.createUpdate(TicketAuditDao.INSERT)
                  .bind("ticketId", ticketId)
                  .bind("actorId", actorId)
                  .bind("at", at)
                  .bind("field", c.field().name())
                  .bind("oldValue", c.oldValue())
                  .bind("newValue", c.newValue())
                  .execute());
      return;
    }
    dao.append(
        ticketId,
        actorId,
        at,
        changes.stream().map(c -> c.field().name()).toList(),
        changes.stream().map(AuditChange::oldValue).toList(),
        changes.stream().map(AuditChange::newValue).toList());
  }

  @Override
  public List<AuditEntry> forTicket(long ticketId) {
    return dao.forTicket(ticketId);
  }
}
