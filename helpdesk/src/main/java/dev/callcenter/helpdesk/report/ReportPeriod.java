package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers, both included, in a time zone, cut into buckets: from the start of
 * {@code from} to the start of the day after {@code to}, local time.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone, Bucket bucket) {

  /** At most this many buckets per report (a year of hours is 8,784). */
  public static final int MAX_BUCKETS = 10_000;

  /** Longest period: a leap year and a bit. */
  public static final int MAX_DAYS = 400;

  public ReportPeriod {
    if (from == null || to == null || zone == null || bucket == null) {
      throw new ValidationException("period", "needs from, to, zone and bucket");
    }
    if (to.isBefore(from)) {
      throw new ValidationException("to", "must not be before from");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new ValidationException("to", "a period covers at most " + MAX_DAYS + " days");
    }
    int n = bucketCount(from, to, zone, bucket);
    if (n > MAX_BUCKETS) {
      throw new ValidationException(
          "bucket", "makes " + n + " intervals, at most " + MAX_BUCKETS + ": choose a longer one");
    }
  }

  /** The first instant of the period. */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The start of each bucket, in order; the last bucket ends at {@link #end()}. */
  public List<Instant> bucketStarts() {
    return starts(from, to, zone, bucket);
  }

  private static int bucketCount(LocalDate from, LocalDate to, ZoneId zone, Bucket bucket) {
    return switch (bucket) {
      case QUARTER_HOUR, HOUR -> {
        long seconds =
            Duration.between(
                    from.atStartOfDay(zone).toInstant(),
                    to.plusDays(1).atStartOfDay(zone).toInstant())
                .toSeconds();
        yield (int) Math.min(Integer.MAX_VALUE, seconds / (bucket == Bucket.HOUR ? 3600 : 900));
      }
      default -> starts(from, to, zone, bucket).size();
    };
  }

  private static List<Instant> starts(LocalDate from, LocalDate to, ZoneId zone, Bucket bucket) {
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    List<Instant> starts = new ArrayList<>();
    switch (bucket) {
      case QUARTER_HOUR, HOUR -> {
        // Absolute steps from local midnight: the hour the clocks repeat in autumn is two buckets,
        // the hour skipped in spring is none.
        Duration step = bucket == Bucket.HOUR ? Duration.ofHours(1) : Duration.ofMinutes(15);
        for (Instant t = from.atStartOfDay(zone).toInstant(); t.isBefore(end); t = t.plus(step)) {
          starts.add(t);
        }
      }
      case DAY -> {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          starts.add(d.atStartOfDay(zone).toInstant());
        }
      }
      case WEEK -> {
        starts.add(from.atStartOfDay(zone).toInstant());
        LocalDate monday = from.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (LocalDate d = monday; !d.isAfter(to); d = d.plusWeeks(1)) {
          starts.add(d.atStartOfDay(zone).toInstant());
        }
      }
    }
    return starts;
  }

  /** The local time a bucket starts at, for labels. */
  public ZonedDateTime local(Instant instant) {
    return instant.atZone(zone);
  }
}
