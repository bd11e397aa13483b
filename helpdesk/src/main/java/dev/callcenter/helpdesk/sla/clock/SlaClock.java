package dev.callcenter.helpdesk.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Measures one SLA target — elapsed and remaining business time, due instant, state and warning —
 * from its clock history.
 *
 * <p>Decisions on the edges:
 *
 * <ul>
 *   <li>elapsed is the business time in {@code [startedAt, stoppedAt or now)} outside the union of
 *       the pauses, so overlapping pauses count once;
 *   <li>a clock that has not stopped is {@link SlaState#BREACHED} as soon as elapsed reaches the
 *       target ({@code elapsed >= target}); a stopped clock is {@link SlaState#MET} when {@code
 *       elapsed <= target};
 *   <li>{@link SlaState#PAUSED} means a pause covers {@code now}; a clock outside business hours
 *       but not paused is {@link SlaState#RUNNING};
 *   <li>while business time remains, {@code dueAt} is projected from the end of the measured
 *       interval as if no further pause happens (so while paused: as if resumed now); once none
 *       remains it is the instant elapsed actually reached the target;
 *   <li>the warning applies only to {@code RUNNING} and {@code PAUSED} clocks with {@code elapsed
 *       >= target * warningPercent / 100}, compared exactly.
 * </ul>
 */
public final class SlaClock {

  private SlaClock() {}

  /** Measures the SLA target described by {@code input}. */
  public static SlaMeasurement measure(SlaClockInput input) {
    BusinessCalendar calendar = input.calendar();
    Instant end = input.measuredUntil();
    List<Interval> running = runningIntervals(input.pauses(), input.startedAt(), end);
    Duration elapsed =
        running.stream()
            .map(interval -> calendar.businessTimeBetween(interval.start(), interval.end()))
            .reduce(Duration.ZERO, Duration::plus);
    SlaState state = state(input, elapsed);
    return new SlaMeasurement(
        dueAt(calendar, running, end, input.target()),
        input.target().minus(elapsed),
        elapsed,
        state,
        warning(state, elapsed, input));
  }

  /** Returns the parts of {@code [start, end)} not covered by any pause, in order. */
  static List<Interval> runningIntervals(List<Pause> pauses, Instant start, Instant end) {
    List<Interval> clippedPauses =
        pauses.stream()
            .map(pause -> pause.within(start, end))
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing(Interval::start))
            .toList();
    List<Interval> running = new ArrayList<>();
    Instant cursor = start;
    for (Interval pause : clippedPauses) {
      if (pause.start().isAfter(cursor)) {
        running.add(new Interval(cursor, pause.start()));
      }
      cursor = Interval.later(cursor, pause.end());
    }
    if (end.isAfter(cursor)) {
      running.add(new Interval(cursor, end));
    }
    return running;
  }

  /**
   * Returns the instant the running intervals, followed by an unpaused run from {@code end}, first
   * accumulate {@code target} business time.
   */
  private static Instant dueAt(
      BusinessCalendar calendar, List<Interval> running, Instant end, Duration target) {
    Duration needed = target;
    for (Interval interval : running) {
      Duration accrued = calendar.businessTimeBetween(interval.start(), interval.end());
      if (accrued.compareTo(needed) >= 0) {
        return calendar.addBusinessTime(interval.start(), needed);
      }
      needed = needed.minus(accrued);
    }
    return calendar.addBusinessTime(end, needed);
  }

  private static SlaState state(SlaClockInput input, Duration elapsed) {
    int vsTarget = elapsed.compareTo(input.target());
    if (input.stopped()) {
      return vsTarget <= 0 ? SlaState.MET : SlaState.BREACHED;
    }
    if (vsTarget >= 0) {
      return SlaState.BREACHED;
    }
    return input.pausedNow() ? SlaState.PAUSED : SlaState.RUNNING;
  }

  private static boolean warning(SlaState state, Duration elapsed, SlaClockInput input) {
    boolean open = state == SlaState.RUNNING || state == SlaState.PAUSED;
    Duration threshold = input.target().multipliedBy(input.warningPercent());
    return open && elapsed.multipliedBy(100).compareTo(threshold) >= 0;
  }
}
