package dev.callcenter.helpdesk.sla.clock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * When each warning and due point of a ticket's running SLA clocks is reached, as stored on it.
 *
 * @param firstResponseWarnAt like every point: null once its clock stopped, and null while its
 *     clock is paused and the point not reached yet (a paused clock gets no nearer to it)
 */
public record SlaSchedule(
    Instant firstResponseWarnAt,
    Instant firstResponseDueAt,
    Instant resolutionWarnAt,
    Instant resolutionDueAt) {

  /** The instant of {@code point}, or null. */
  public Instant at(SlaPoint point) {
    return switch (point.target()) {
      case FIRST_RESPONSE ->
          switch (point.kind()) {
            case WARNING -> firstResponseWarnAt;
            case BREACH -> firstResponseDueAt;
          };
      case RESOLUTION ->
          switch (point.kind()) {
            case WARNING -> resolutionWarnAt;
            case BREACH -> resolutionDueAt;
          };
    };
  }

  /**
   * The points reached at or before {@code now}, with their instants, in {@link SlaPoint#ALL}
   * order.
   */
  public Map<SlaPoint, Instant> reachedBy(Instant now) {
    Map<SlaPoint, Instant> reached = new LinkedHashMap<>();
    for (SlaPoint point : SlaPoint.ALL) {
      Instant at = at(point);
      if (at != null && !at.isAfter(now)) {
        reached.put(point, at);
      }
    }
    return reached;
  }

  /** The earliest point not in {@code recorded}, or null: when the monitor must look next. */
  public Instant nextCheck(Set<SlaPoint> recorded) {
    Instant next = null;
    for (SlaPoint point : SlaPoint.ALL) {
      Instant at = at(point);
      if (at != null && !recorded.contains(point) && (next == null || at.isBefore(next))) {
        next = at;
      }
    }
    return next;
  }
}
