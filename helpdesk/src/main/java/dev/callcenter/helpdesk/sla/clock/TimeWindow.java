package dev.callcenter.helpdesk.sla.clock;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A half-open span {@code [start, end)} of local wall-clock time within one day, where an {@code
 * end} of 00:00 means 24:00, so a window can run until midnight (and 00:00–00:00 is the whole day).
 */
public record TimeWindow(LocalTime start, LocalTime end) {

  /** The whole day, 00:00 to 24:00. */
  public static final TimeWindow ALL_DAY = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  /**
   * Validates the window.
   *
   * @throws IllegalArgumentException if {@code end} is not after {@code start} and is not 00:00
   *     (windows cannot run past midnight; split overnight hours at midnight)
   */
  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      throw new IllegalArgumentException(
          "time window end "
              + end
              + " must be after start "
              + start
              + " (use 00:00 as the end of a window that runs until midnight;"
              + " split overnight hours at midnight)");
    }
  }

  /** Returns whether this window runs until the end of the day (24:00). */
  public boolean untilMidnight() {
    return end.equals(LocalTime.MIDNIGHT);
  }

  /** Returns whether this window shares any time with {@code other}. */
  boolean overlaps(TimeWindow other) {
    return startsBeforeEndOf(other) && other.startsBeforeEndOf(this);
  }

  private boolean startsBeforeEndOf(TimeWindow other) {
    return other.untilMidnight() || start.isBefore(other.end);
  }
}
