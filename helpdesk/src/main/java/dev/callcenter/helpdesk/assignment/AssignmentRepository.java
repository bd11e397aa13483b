package dev.callcenter.helpdesk.assignment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The reads and locks automatic assignment needs beyond the ticket and team stores. */
public interface AssignmentRepository {

  /**
   * Locks, until the transaction ends, every membership row (in any team) of the team's current
   * members, in user id then team key order, so that two lockers never deadlock.
   *
   * @return the distinct ids of the users locked, ascending
   */
  List<Long> lockMembers(String teamKey);

  /**
   * The team's members among {@code userIds} as the policy sees them, load counted now over all
   * their open tickets; deactivated users are left out. Ordered by user id.
   */
  List<Candidate> candidates(String teamKey, Collection<Long> userIds);

  /** Stamps when the member last received a ticket of this team. */
  void markAssigned(String teamKey, long userId, Instant at);

  /** The team's queue in drain order, at most {@code limit}. */
  List<QueuedTicket> queue(String teamKey, int limit);

  /**
   * Like {@link #queue} but locks the rows until the transaction ends, skipping tickets that
   * someone else has locked.
   */
  List<QueuedTicket> lockQueue(String teamKey, int limit);

  /** Ids of the user's open tickets, in drain order. */
  List<Long> openTicketsOf(long userId);

  /** Keys of the existing teams whose queue is not empty, sorted. */
  List<String> teamsWithQueue();
}
