package dev.callcenter.helpdesk.sla.clock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Working hours per day of week plus holidays in one time zone, measuring and adding business time
 * between instants one day at a time.
 *
 * <p>Business time is real elapsed time inside working windows, so it stays correct across
 * daylight-saving changes: a 01:00–04:00 window holds 2 hours on a spring-forward night and 4 on a
 * fall-back night. Local times that fall into a DST gap are taken as the instant of the transition;
 * local times in an overlap take the earlier offset. Days missing from {@code weeklyHours}, days
 * mapped to an empty list and holidays have no business time.
 *
 * @param zone the zone in which working hours and holidays are read
 * @param weeklyHours non-overlapping working windows per day of week (stored sorted by start)
 * @param holidays dates, in {@code zone}, with no business time at all
 */
public record BusinessCalendar(
    ZoneId zone, Map<DayOfWeek, List<TimeWindow>> weeklyHours, Set<LocalDate> holidays) {

  /**
   * How many consecutive days without any business time {@link #addBusinessTime} scans before it
   * gives up: three years.
   */
  static final int MAX_DAYS_WITHOUT_BUSINESS_TIME = 3 * 366;

  /**
   * Validates and copies the calendar.
   *
   * @throws IllegalArgumentException if two windows of the same day overlap
   */
  public BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    weeklyHours = copyOfWeeklyHours(weeklyHours);
    holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
  }

  /** Returns a calendar open Monday to Friday from {@code from} to {@code to} (00:00 = 24:00). */
  public static BusinessCalendar weekdays(
      ZoneId zone, LocalTime from, LocalTime to, Set<LocalDate> holidays) {
    List<TimeWindow> hours = List.of(new TimeWindow(from, to));
    Map<DayOfWeek, List<TimeWindow>> weeklyHours = new EnumMap<>(DayOfWeek.class);
    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).forEach(day -> weeklyHours.put(day, hours));
    return new BusinessCalendar(zone, weeklyHours, holidays);
  }

  /** Returns a 24x7 calendar without holidays. */
  public static BusinessCalendar always(ZoneId zone) {
    Map<DayOfWeek, List<TimeWindow>> weeklyHours = new EnumMap<>(DayOfWeek.class);
    EnumSet.allOf(DayOfWeek.class)
        .forEach(day -> weeklyHours.put(day, List.of(TimeWindow.ALL_DAY)));
    return new BusinessCalendar(zone, weeklyHours, Set.of());
  }

  /** Returns whether {@code t} lies inside a working window. */
  public boolean isBusinessTime(Instant t) {
    Objects.requireNonNull(t, "t");
    return windowsOn(localDate(t)).stream().anyMatch(window -> window.contains(t));
  }

  /**
   * Returns the business time inside {@code [from, to)}; zero if {@code to} is not after {@code
   * from}.
   */
  public Duration businessTimeBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate last = localDate(to);
    for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
      for (Interval window : windowsOn(day)) {
        total = total.plus(window.overlap(from, to));
      }
    }
    return total;
  }

  /**
   * Returns the instant at which {@code amount} of business time has passed, counting from {@code
   * start} (or from the next opening if {@code start} is outside working hours).
   *
   * <p>An amount that runs out exactly at the end of a window yields that closing instant, not the
   * next opening. A zero amount yields the first business instant at or after {@code start} ({@code
   * start} itself if it is business time). So {@code businessTimeBetween(start, result)} always
   * equals {@code amount}.
   *
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws IllegalStateException if three years pass without any business time, e.g. a calendar
   *     with no working hours
   */
  public Instant addBusinessTime(Instant start, Duration amount) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("business time to add must not be negative: " + amount);
    }
    Duration left = amount;
    int daysWithoutBusinessTime = 0;
    for (LocalDate day = localDate(start); ; day = day.plusDays(1)) {
      boolean open = false;
      for (Interval window : windowsOn(day)) {
        if (!window.end().isAfter(start)) {
          continue;
        }
        Instant from = Interval.later(window.start(), start);
        Duration available = Duration.between(from, window.end());
        if (left.compareTo(available) <= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
        open = true;
      }
      daysWithoutBusinessTime = open ? 0 : daysWithoutBusinessTime + 1;
      if (daysWithoutBusinessTime > MAX_DAYS_WITHOUT_BUSINESS_TIME) {
        throw new IllegalStateException(
            "no business time in the "
                + MAX_DAYS_WITHOUT_BUSINESS_TIME
                + " days up to "
                + day
                + "; does the calendar have any working hours? "
                + this);
      }
    }
  }

  /** Returns the non-empty working windows of {@code day} as instants, in order. */
  private List<Interval> windowsOn(LocalDate day) {
    if (holidays.contains(day)) {
      return List.of();
    }
    return weeklyHours.getOrDefault(day.getDayOfWeek(), List.of()).stream()
        .map(window -> toInterval(day, window))
        .filter(interval -> !interval.isEmpty())
        .toList();
  }

  private Interval toInterval(LocalDate day, TimeWindow window) {
    Instant end =
        window.untilMidnight()
            ? instantAt(day.plusDays(1), LocalTime.MIDNIGHT)
            : instantAt(day, window.end());
    return new Interval(instantAt(day, window.start()), end);
  }

  private Instant instantAt(LocalDate day, LocalTime time) {
    LocalDateTime local = day.atTime(time);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return local.atZone(zone).toInstant();
  }

  private LocalDate localDate(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  private static Map<DayOfWeek, List<TimeWindow>> copyOfWeeklyHours(
      Map<DayOfWeek, List<TimeWindow>> weeklyHours) {
    Objects.requireNonNull(weeklyHours, "weeklyHours");
    Map<DayOfWeek, List<TimeWindow>> copy = new EnumMap<>(DayOfWeek.class);
    weeklyHours.forEach(
        (day, windows) ->
            copy.put(Objects.requireNonNull(day, "day of week"), sortedWindows(day, windows)));
    return Collections.unmodifiableMap(copy);
  }

  private static List<TimeWindow> sortedWindows(DayOfWeek day, List<TimeWindow> windows) {
    Objects.requireNonNull(windows, () -> "working hours of " + day);
    List<TimeWindow> sorted =
        List.copyOf(windows).stream().sorted(Comparator.comparing(TimeWindow::start)).toList();
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new IllegalArgumentException(
            "working hours of " + day + " overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return sorted;
  }
}
