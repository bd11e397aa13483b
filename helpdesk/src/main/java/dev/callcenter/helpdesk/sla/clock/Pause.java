package dev.callcenter.helpdesk.sla.clock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A span {@code [from, toOrNull)} during which an SLA clock does not run (e.g. the ticket was
 * pending the customer), where a null {@code toOrNull} means the pause is still open.
 */
public record Pause(Instant from, Instant toOrNull) {

  /**
   * Validates the pause.
   *
   * @throws IllegalArgumentException if {@code toOrNull} is before {@code from}
   */
  public Pause {
    Objects.requireNonNull(from, "from");
    if (toOrNull != null && toOrNull.isBefore(from)) {
      throw new IllegalArgumentException("pause end " + toOrNull + " is before its start " + from);
    }
  }

  /** Returns a pause that is still open. */
  public static Pause open(Instant from) {
    return new Pause(from, null);
  }

  /** Returns whether the clock is paused at {@code t}. */
  public boolean covers(Instant t) {
    return !t.isBefore(from) && (toOrNull == null || t.isBefore(toOrNull));
  }

  /** Returns the part of this pause inside {@code [start, end)}, if any; open pauses run to end. */
  Optional<Interval> within(Instant start, Instant end) {
    Instant clippedFrom = Interval.later(from, start);
    Instant clippedTo = toOrNull == null ? end : Interval.earlier(toOrNull, end);
    return clippedTo.isAfter(clippedFrom)
        ? Optional.of(new Interval(clippedFrom, clippedTo))
        : Optional.empty();
  }
}
