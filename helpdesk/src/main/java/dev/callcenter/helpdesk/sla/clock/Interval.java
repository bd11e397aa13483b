package dev.callcenter.helpdesk.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open span of time {@code [start, end)} on the timeline. */
record Interval(Instant start, Instant end) {

  Interval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("interval end " + end + " is before start " + start);
    }
  }

  boolean isEmpty() {
    return start.equals(end);
  }

  boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  /** Returns the length of the part of this interval that lies inside {@code [from, to)}. */
  Duration overlap(Instant from, Instant to) {
    Instant overlapStart = later(start, from);
    Instant overlapEnd = earlier(end, to);
    return overlapEnd.isAfter(overlapStart)
        ? Duration.between(overlapStart, overlapEnd)
        : Duration.ZERO;
  }

  static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
