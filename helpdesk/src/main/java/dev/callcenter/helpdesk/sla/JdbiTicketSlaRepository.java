package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.Pause;
import dev.callcenter.helpdesk.sla.clock.PauseReason;
import dev.callcenter.helpdesk.sla.clock.SlaPoint;
import dev.callcenter.helpdesk.sla.clock.SlaSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link TicketSlaRepository} on PostgreSQL through Jdbi. */
public final class JdbiTicketSlaRepository implements TicketSlaRepository {

  private final TicketSlaDao dao;

  public JdbiTicketSlaRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(TicketSlaDao.class);
  }

  @Override
  public List<Pause> pauses(long ticketId) {
    return pauses(List.of(ticketId)).get(ticketId);
  }

  @Override
  public Map<Long, List<Pause>> pauses(Collection<Long> ticketIds) {
    Map<Long, List<Pause>> result = new HashMap<>();
    ticketIds.forEach(id -> result.put(id, new ArrayList<>()));
    if (!ticketIds.isEmpty()) {
      for (TicketSlaDao.PauseRow row : dao.pauses(ids(ticketIds))) {
        result.get(row.ticketId()).add(new Pause(row.from(), row.to()));
      }
    }
    result.replaceAll((id, pauses) -> List.copyOf(pauses));
    return result;
  }

  @Override
  public void openPause(long ticketId, PauseReason reason, Instant from) {
    dao.openPause(ticketId, reason.name(), from);
  }

  @Override
  public void closeOpenPause(long ticketId, Instant to) {
    dao.closeOpenPause(ticketId, to);
  }

  @Override
  public void addPause(long ticketId, PauseReason reason, Instant from, Instant to) {
    dao.addPause(ticketId, reason.name(), from, to);
  }

  @Override
  public void storeSchedule(long ticketId, SlaSchedule s, Instant nextCheckAt) {
    dao.storeSchedule(ticketId, s, nextCheckAt);
  }

  @Override
  public List<Long> lockDueForCheck(Instant now, int limit) {
    return dao.lockDueForCheck(now, limit);
  }

  @Override
  public Map<Long, Set<SlaPoint>> recordedPoints(Collection<Long> ticketIds) {
    Map<Long, Set<SlaPoint>> result = new HashMap<>();
    ticketIds.forEach(id -> result.put(id, new HashSet<>()));
    if (!ticketIds.isEmpty()) {
      for (TicketSlaDao.PointRow row : dao.recordedPoints(ids(ticketIds))) {
        result.get(row.ticketId()).add(row.point());
      }
    }
    result.replaceAll((id, points) -> Set.copyOf(points));
    return result;
  }

  @Override
  public Optional<SlaEvent> recordEvent(
      long ticketId, SlaPoint point, Instant reachedAt, Instant recordedAt) {
    return dao.recordEvent(
        ticketId, point.target().name(), point.kind().name(), reachedAt, recordedAt);
  }

  @Override
  public List<SlaEvent> events(long ticketId) {
    return dao.events(ticketId);
  }

  private static long[] ids(Collection<Long> ids) {
    return ids.stream().mapToLong(Long::longValue).distinct().toArray();
  }
}
