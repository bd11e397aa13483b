package dev.callcenter.helpdesk.followup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of follow-ups. Reads take {@code now} to decide {@link FollowUp#overdue()}; lists of open
 * follow-ups are ordered by due minute, VIP customers first within a minute, then due time and id.
 */
public interface FollowUpRepository {

  /**
   * Inserts an open follow-up and returns its id.
   *
   * @throws dev.callcenter.helpdesk.ValidationException on {@code ticketId} if that ticket does not
   *     exist
   */
  long insert(FollowUpDraft draft, Long createdBy, Instant createdAt);

  /** Inserts an open callback the system creates (no title, a kind) and returns its id. */
  long insertCallback(CallbackDraft draft, Instant createdAt);

  /** The follow-up if it exists and lies in {@code scope}. */
  Optional<FollowUp> find(long id, Instant now, FollowUpScope scope);

  /** Open follow-ups of the owner due before {@code now}, at most {@code limit}. */
  List<FollowUp> overdueForOwner(long ownerId, Instant now, int limit);

  /** Open follow-ups of the team due before {@code now}, at most {@code limit}. */
  List<FollowUp> overdueForTeam(String team, Instant now, int limit);

  /** Every open follow-up of the owner (overdue ones come first by due order). */
  List<FollowUp> openForOwner(long ownerId, Instant now, int limit);

  /**
   * The customer's follow-ups in {@code scope}: open ones by due time, then closed ones newest
   * first.
   */
  List<FollowUp> forCustomer(long customerId, Instant now, int limit, FollowUpScope scope);

  /**
   * Moves an OPEN follow-up to DONE or CANCELLED.
   *
   * @return false when it does not exist, lies outside {@code scope} or is not OPEN (nothing
   *     changed)
   */
  boolean close(
      long id, FollowUpStatus status, long by, String note, Instant at, FollowUpScope scope);

  /**
   * Sets a new due time on an OPEN follow-up.
   *
   * @return false when it does not exist, lies outside {@code scope} or is not OPEN (nothing
   *     changed)
   */
  boolean reschedule(long id, Instant dueAt, Instant at, FollowUpScope scope);
}
