package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link AssignmentRepository} on PostgreSQL through Jdbi. */
public final class JdbiAssignmentRepository implements AssignmentRepository {

  private final AssignmentDao dao;

  public JdbiAssignmentRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(AssignmentDao.class);
  }

  @Override
  public List<Long> lockMembers(String teamKey) {
    return dao.lockMembers(teamKey).stream().distinct().toList();
  }

  @Override
  public List<Candidate> candidates(String teamKey, Collection<Long> userIds) {
    return userIds.isEmpty()
        ? List.of()
        : dao.candidates(teamKey, userIds.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public void markAssigned(String teamKey, long userId, Instant at) {
    if (dao.markAssigned(teamKey, userId, at) != 1) {
      throw new IllegalStateException(
          "membership of user " + userId + " in team " + teamKey + " vanished while locked");
    }
  }

  @Override
  public List<QueuedTicket> queue(String teamKey, int limit) {
    return dao.queue(teamKey, limit);
  }

  @Override
  public List<QueuedTicket> lockQueue(String teamKey, int limit) {
    return dao.lockQueue(teamKey, limit);
  }

  @Override
  public List<Long> openTicketsOf(long userId) {
    return dao.openTicketsOf(userId);
  }

  @Override
  public List<String> teamsWithQueue() {
    return dao.teamsWithQueue();
  }
}
