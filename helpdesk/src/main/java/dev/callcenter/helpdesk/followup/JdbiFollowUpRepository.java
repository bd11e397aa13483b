package dev.callcenter.helpdesk.followup;

import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/** {@link FollowUpRepository} on PostgreSQL through Jdbi. */
public final class JdbiFollowUpRepository implements FollowUpRepository {

  private final FollowUpDao dao;

  public JdbiFollowUpRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(FollowUpDao.class);
  }

  @Override
  public long insertCallback(CallbackDraft d, Instant createdAt) {
    return dao.insertCallback(
        d,
        dev.callcenter.helpdesk.Params.keys(d.params()),
        dev.callcenter.helpdesk.Params.values(d.params()),
        createdAt);
  }

  @Override
  public long insert(FollowUpDraft d, Long createdBy, Instant createdAt) {
    try {
      return dao.insert(d, createdBy, createdAt);
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof PSQLException sql
          && "23503".equals(sql.getSQLState())
          && sql.getServerErrorMessage() != null
          && "follow_up_ticket_id_fkey".equals(sql.getServerErrorMessage().getConstraint())) {
        throw new ValidationException("ticketId", "ticket " + d.ticketId() + " does not exist");
      }
      throw e;
    }
  }

  @Override
  public Optional<FollowUp> find(long id, Instant now, FollowUpScope scope) {
    return dao.find(id, now, scope);
  }

  @Override
  public List<FollowUp> overdueForOwner(long ownerId, Instant now, int limit) {
    return dao.overdueForOwner(ownerId, now, limit);
  }

  @Override
  public List<FollowUp> overdueForTeam(String team, Instant now, int limit) {
    return dao.overdueForTeam(team, now, limit);
  }

  @Override
  public List<FollowUp> openForOwner(long ownerId, Instant now, int limit) {
    return dao.openForOwner(ownerId, now, limit);
  }

  @Override
  public List<FollowUp> forCustomer(long customerId, Instant now, int limit, FollowUpScope scope) {
    return dao.forCustomer(customerId, now, limit, scope);
  }

  @Override
  public boolean close(
      long id, FollowUpStatus status, long by, String note, Instant at, FollowUpScope scope) {
    return dao.close(id, status.name(), by, note, at, scope) == 1;
  }

  @Override
  public boolean reschedule(long id, Instant dueAt, Instant at, FollowUpScope scope) {
    return dao.reschedule(id, dueAt, at, scope) == 1;
  }
}
