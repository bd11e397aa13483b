package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.ValidationException;
import java.util.Locale;

/** How a report period is cut into intervals, in the report's time zone. */
public enum Bucket {
  /** 15 minutes of wall time. */
  QUARTER_HOUR("15m"),
  HOUR("hour"),
  /** A local calendar day: 23 or 25 hours on the days the clocks change. */
  DAY("day"),
  /** An ISO week, Monday to Sunday, cut at the period's ends. */
  WEEK("week");

  private final String wire;

  Bucket(String wire) {
    this.wire = wire;
  }

  public String wireName() {
    return wire;
  }

  /** Parses {@code 15m}, {@code hour}, {@code day} or {@code week}. */
  public static Bucket fromWire(String text) {
    for (Bucket b : values()) {
      if (b.wire.equals(text == null ? null : text.toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new ValidationException("bucket", "must be 15m, hour, day or week");
  }
}
