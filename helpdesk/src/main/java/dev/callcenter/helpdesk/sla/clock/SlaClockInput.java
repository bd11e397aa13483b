package dev.callcenter.helpdesk.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The history of one SLA target that {@link SlaClock} measures: when its clock started, its
 * business-time target, its pauses, when (if ever) it was achieved, and the instant to measure at.
 *
 * @param startedAt when the clock started (e.g. ticket created)
 * @param target business time allowed until the target must be achieved; positive
 * @param pauses spans when the clock did not run; may overlap and may reach outside the measured
 *     interval (they are clipped to it)
 * @param stoppedAtOrNull when the target was achieved (e.g. first response, resolution), or null
 * @param now the instant of measurement; not before {@code startedAt} or {@code stoppedAtOrNull}
 * @param warningPercent share of the target, 1–99, from which a running clock warns
 * @param calendar the business hours the clock counts in
 */
public record SlaClockInput(
    Instant startedAt,
    Duration target,
    List<Pause> pauses,
    Instant stoppedAtOrNull,
    Instant now,
    int warningPercent,
    BusinessCalendar calendar) {

  /**
   * Validates the input.
   *
   * @throws IllegalArgumentException if the target is not positive, the warning percent is outside
   *     1–99, or {@code startedAt}, {@code stoppedAtOrNull} and {@code now} are out of order
   */
  public SlaClockInput {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(target, "target");
    pauses = List.copyOf(Objects.requireNonNull(pauses, "pauses"));
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(calendar, "calendar");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("SLA target must be positive: " + target);
    }
    if (warningPercent < 1 || warningPercent > 99) {
      throw new IllegalArgumentException(
          "warning percent must be between 1 and 99: " + warningPercent);
    }
    requireNotBefore(now, startedAt, "now", "startedAt");
    if (stoppedAtOrNull != null) {
      requireNotBefore(stoppedAtOrNull, startedAt, "stoppedAt", "startedAt");
      requireNotBefore(now, stoppedAtOrNull, "now", "stoppedAt");
    }
  }

  /** Returns whether the target has been achieved. */
  public boolean stopped() {
    return stoppedAtOrNull != null;
  }

  /** Returns the end of the measured interval: the stop if achieved, otherwise now. */
  public Instant measuredUntil() {
    return stopped() ? stoppedAtOrNull : now;
  }

  /** Returns whether any pause covers {@code now}. */
  public boolean pausedNow() {
    return pauses.stream().anyMatch(pause -> pause.covers(now));
  }

  private static void requireNotBefore(
      Instant later, Instant earlier, String laterName, String earlierName) {
    if (later.isBefore(earlier)) {
      throw new IllegalArgumentException(
          laterName + " " + later + " must not be before " + earlierName + " " + earlier);
    }
  }
}
