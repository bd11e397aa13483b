package dev.callcenter.helpdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link TicketRepository} on PostgreSQL through Jdbi. */
public final class JdbiTicketRepository implements TicketRepository {

  private final TicketDao dao;

  public JdbiTicketRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(TicketDao.class);
  }

  @Override
  public Ticket insert(
      TicketDraft draft, SlaTerms terms, SlaSchedule schedule, Long createdBy, Instant now) {
    return dao.insert(
        draft,
        terms.policyId(),
        terms.firstResponse().toMinutes(),
        terms.resolution().toMinutes(),
        schedule,
        schedule.nextCheck(java.util.Set.of()),
        createdBy,
        now);
  }

  @Override
  public Optional<Ticket> find(long id) {
    return dao.find(id);
  }

  @Override
  public Optional<Ticket> findForUpdate(long id) {
    return dao.findForUpdate(id);
  }

  @Override
  public List<Ticket> findAll(Collection<Long> ids) {
    return ids.isEmpty()
        ? List.of()
        : dao.findAll(ids.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public boolean update(long id, TicketUpdate update, Instant now, Integer expectedVersion) {
    return dao.update(id, update, now, expectedVersion) == 1;
  }

  @Override
  public void updateAssignment(long id, Long assigneeId, String reason, Instant now) {
    if (dao.updateAssignment(id, assigneeId, reason, now) != 1) {
      throw new IllegalStateException("ticket " + id + " vanished while being assigned");
    }
  }

  @Override
  public void updateAssignmentReason(long id, String reason) {
    if (dao.updateAssignmentReason(id, reason) != 1) {
      throw new IllegalStateException("ticket " + id + " vanished while being assigned");
    }
  }

  @Override
  public void updateLifecycle(long id, Lifecycle lifecycle, Instant now) {
    if (dao.updateLifecycle(id, lifecycle, now) != 1) {
      throw new IllegalStateException("ticket " + id + " vanished while being changed");
    }
  }

  @Override
  public boolean recordFirstResponse(long id, Instant at) {
    return dao.recordFirstResponse(id, at) == 1;
  }

  @Override
  public List<TicketSummary> list(TicketQuery q, Instant now) {
    return dao.list(
        q.statuses().stream().map(Enum::name).sorted().toList(),
        q.customerId(),
        q.assigneeId(),
        q.team(),
        q.type() == null ? null : q.type().name(),
        q.priority() == null ? null : q.priority().name(),
        q.dueBefore(),
        q.breached(),
        now,
        q.limit(),
        q.offset());
  }

  @Override
  public List<TicketSummary> openForCustomer(long customerId, int limit) {
    return dao.openForCustomer(customerId, limit);
  }

  @Override
  public long insertComment(long ticketId, CommentDraft draft, Long authorId, Instant now) {
    return dao.insertComment(ticketId, draft.visibility().name(), authorId, draft.body(), now);
  }

  @Override
  public Optional<Comment> findComment(long id) {
    return dao.findComment(id);
  }

  @Override
  public List<Comment> comments(long ticketId) {
    return dao.comments(ticketId);
  }

  @Override
  public boolean linkInteraction(long ticketId, long interactionId, Instant now) {
    return dao.linkInteraction(ticketId, interactionId, now) == 1;
  }

  @Override
  public List<Long> interactionIds(long ticketId) {
    return dao.interactionIds(ticketId);
  }
}
