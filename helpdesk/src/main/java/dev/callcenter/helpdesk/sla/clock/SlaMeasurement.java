package dev.callcenter.helpdesk.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of one SLA target at a measurement instant, as computed by {@link SlaClock}.
 *
 * @param dueAt when the target is (or was) reached: the projected instant while business time
 *     remains, otherwise the instant the target was actually crossed
 * @param remaining target minus elapsed; negative once overrun
 * @param elapsed business time the clock has run, excluding pauses
 * @param state where the target stands
 * @param warning whether a running or paused clock has used at least the warning share
 */
public record SlaMeasurement(
    Instant dueAt, Duration remaining, Duration elapsed, SlaState state, boolean warning) {

  /** Checks that no component is null. */
  public SlaMeasurement {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(state, "state");
  }
}
