package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.Pause;
import dev.callcenter.helpdesk.sla.clock.PauseReason;
import dev.callcenter.helpdesk.sla.clock.SlaPoint;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Storage of ticket SLA state: resolution-clock pauses, stored schedules and recorded events. */
public interface TicketSlaRepository {

  /** The resolution-clock pauses of a ticket, in order. */
  List<Pause> pauses(long ticketId);

  /** The pauses of each of the tickets (tickets without pauses map to an empty list). */
  Map<Long, List<Pause>> pauses(Collection<Long> ticketIds);

  void openPause(long ticketId, PauseReason reason, Instant from);

  /** Ends the ticket's open pause, if any, at {@code to}. */
  void closeOpenPause(long ticketId, Instant to);

  void addPause(long ticketId, PauseReason reason, Instant from, Instant to);

  /** Stores the schedule and when the monitor must look at the ticket next (null: never). */
  void storeSchedule(long ticketId, SlaSchedule schedule, Instant nextCheckAt);

  /** Locks and returns up to {@code limit} tickets due for a check, skipping tickets locked now. */
  List<Long> lockDueForCheck(Instant now, int limit);

  /** The points already recorded as events for each of the tickets. */
  Map<Long, Set<SlaPoint>> recordedPoints(Collection<Long> ticketIds);

  /** Records the event unless it already exists; the stored event if this call created it. */
  Optional<SlaEvent> recordEvent(
      long ticketId, SlaPoint point, Instant reachedAt, Instant recordedAt);

  /** A ticket's events, in the order they were reached. */
  List<SlaEvent> events(long ticketId);
}
