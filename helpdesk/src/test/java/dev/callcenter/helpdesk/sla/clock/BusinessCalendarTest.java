package dev.callcenter.helpdesk.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final BusinessCalendar TAIPEI_9_TO_18 =
      BusinessCalendar.weekdays(TAIPEI, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static Instant taipei(String localDateTime) {
    return at(TAIPEI, localDateTime);
  }

  static Instant berlin(String localDateTime) {
    return at(BERLIN, localDateTime);
  }

  static BusinessCalendar withLunchBreak(ZoneId zone, Set<LocalDate> holidays) {
    List<TimeWindow> hours =
        List.of(
            new TimeWindow(LocalTime.of(13, 0), LocalTime.of(18, 0)),
            new TimeWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)));
    return new BusinessCalendar(
        zone,
        Map.of(
            DayOfWeek.MONDAY, hours,
            DayOfWeek.TUESDAY, hours,
            DayOfWeek.WEDNESDAY, hours,
            DayOfWeek.THURSDAY, hours,
            DayOfWeek.FRIDAY, hours),
        holidays);
  }

  @Nested
  class AddBusinessTime {

    @Test
    void fourHoursFromFridayFiveInTheAfternoonEndMondayAtNoon() {
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-06T17:00"), Duration.ofHours(4)))
          .isEqualTo(taipei("2025-06-09T12:00"));
    }

    @Test
    void aMondayHolidayPushesTheResultToTuesday() {
      BusinessCalendar calendar =
          BusinessCalendar.weekdays(
              TAIPEI, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(LocalDate.of(2025, 6, 9)));

      assertThat(calendar.addBusinessTime(taipei("2025-06-06T17:00"), Duration.ofHours(4)))
          .isEqualTo(taipei("2025-06-10T12:00"));
    }

    @Test
    void skipsTheLunchBreak() {
      BusinessCalendar calendar = withLunchBreak(TAIPEI, Set.of());

      assertThat(calendar.addBusinessTime(taipei("2025-06-09T11:00"), Duration.ofHours(2)))
          .isEqualTo(taipei("2025-06-09T14:00"));
    }

    @Test
    void startsCountingAtTheNextOpeningWhenStartedOutsideHours() {
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-07T10:00"), Duration.ofHours(1)))
          .isEqualTo(taipei("2025-06-09T10:00"));
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-09T07:00"), Duration.ofHours(1)))
          .isEqualTo(taipei("2025-06-09T10:00"));
    }

    @Test
    void anAmountRunningOutAtClosingTimeEndsAtClosingTimeNotAtTheNextOpening() {
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-06T17:00"), Duration.ofHours(1)))
          .isEqualTo(taipei("2025-06-06T18:00"));
    }

    @Test
    void zeroIsTheFirstBusinessInstantAtOrAfterStart() {
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-06T10:30"), Duration.ZERO))
          .isEqualTo(taipei("2025-06-06T10:30"));
      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-06T18:00"), Duration.ZERO))
          .isEqualTo(taipei("2025-06-09T09:00"));
    }

    @Test
    void rejectsANegativeAmount() {
      assertThatThrownBy(
              () ->
                  TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-06T10:00"), Duration.ofHours(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must not be negative");
    }

    @Test
    void thirtyBusinessDaysFromAMondayMorningEndSixWeeksLaterOnFridayEvening() {
      Duration thirtyDays = Duration.ofHours(9).multipliedBy(30);

      assertThat(TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-02T09:00"), thirtyDays))
          .isEqualTo(taipei("2025-07-11T18:00"));
    }

    @Test
    void addingTenYearsOfBusinessTimeStepsByDaysNotMinutes() {
      Duration tenYears = Duration.ofHours(9).multipliedBy(261 * 10);

      Instant due =
          assertTimeout(
              Duration.ofSeconds(2),
              () -> TAIPEI_9_TO_18.addBusinessTime(taipei("2025-06-02T09:00"), tenYears));

      assertThat(TAIPEI_9_TO_18.businessTimeBetween(taipei("2025-06-02T09:00"), due))
          .isEqualTo(tenYears);
    }

    @Test
    void aCalendarWithoutWorkingHoursThrowsInsteadOfLoopingForever() {
      BusinessCalendar closed = new BusinessCalendar(TAIPEI, Map.of(), Set.of());

      assertThatThrownBy(() -> closed.addBusinessTime(taipei("2025-06-06T10:00"), Duration.ZERO))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no business time");
    }
  }

  @Nested
  class BusinessTimeBetween {

    @Test
    void countsOnlyWorkingHoursAcrossAWeekend() {
      assertThat(
              TAIPEI_9_TO_18.businessTimeBetween(
                  taipei("2025-06-06T17:00"), taipei("2025-06-09T10:00")))
          .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void excludesTheLunchBreak() {
      BusinessCalendar calendar = withLunchBreak(TAIPEI, Set.of());

      assertThat(
              calendar.businessTimeBetween(taipei("2025-06-09T11:00"), taipei("2025-06-09T14:00")))
          .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void isZeroWhenTheEndIsNotAfterTheStart() {
      Instant t = taipei("2025-06-09T11:00");

      assertThat(TAIPEI_9_TO_18.businessTimeBetween(t, t)).isZero();
      assertThat(TAIPEI_9_TO_18.businessTimeBetween(t, t.minusSeconds(3600))).isZero();
    }

    @Test
    void isZeroForACalendarWithoutWorkingHours() {
      BusinessCalendar closed = new BusinessCalendar(TAIPEI, Map.of(), Set.of());

      assertThat(closed.businessTimeBetween(taipei("2025-01-01T00:00"), taipei("2026-01-01T00:00")))
          .isZero();
    }
  }

  @Nested
  class IsBusinessTime {

    @Test
    void windowsIncludeTheirStartAndExcludeTheirEnd() {
      BusinessCalendar calendar = withLunchBreak(TAIPEI, Set.of());

      assertThat(calendar.isBusinessTime(taipei("2025-06-09T09:00"))).isTrue();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T11:59:59"))).isTrue();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T12:00"))).isFalse();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T12:30"))).isFalse();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T13:00"))).isTrue();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T18:00"))).isFalse();
    }

    @Test
    void holidaysAndWeekendsAreNotBusinessTime() {
      BusinessCalendar calendar =
          BusinessCalendar.weekdays(
              TAIPEI, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(LocalDate.of(2025, 6, 9)));

      assertThat(calendar.isBusinessTime(taipei("2025-06-07T10:00"))).isFalse();
      assertThat(calendar.isBusinessTime(taipei("2025-06-09T10:00"))).isFalse();
      assertThat(calendar.isBusinessTime(taipei("2025-06-10T10:00"))).isTrue();
    }
  }

  @Nested
  class DaylightSavingTime {

    @Test
    void keepsLocalOpeningHoursAcrossTheSpringForwardWeekend() {
      BusinessCalendar calendar =
          BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

      Instant due = calendar.addBusinessTime(berlin("2025-03-28T17:00"), Duration.ofHours(2));

      assertThat(due).isEqualTo(berlin("2025-03-31T10:00"));
      assertThat(due).isEqualTo(Instant.parse("2025-03-31T08:00:00Z"));
    }

    @Test
    void aWindowAcrossTheTransitionHoldsTheRealElapsedTime() {
      BusinessCalendar sundayNights =
          new BusinessCalendar(
              BERLIN,
              Map.of(
                  DayOfWeek.SUNDAY,
                  List.of(new TimeWindow(LocalTime.of(1, 0), LocalTime.of(4, 0)))),
              Set.of());

      assertThat(
              sundayNights.businessTimeBetween(
                  berlin("2025-03-30T00:00"), berlin("2025-03-31T00:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(
              sundayNights.businessTimeBetween(
                  berlin("2025-10-26T00:00"), berlin("2025-10-27T00:00")))
          .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void localTimesSkippedBySpringForwardAddNoBusinessTime() {
      BusinessCalendar sundayNights =
          new BusinessCalendar(
              BERLIN,
              Map.of(
                  DayOfWeek.SUNDAY,
                  List.of(new TimeWindow(LocalTime.of(1, 30), LocalTime.of(2, 30)))),
              Set.of());

      assertThat(
              sundayNights.businessTimeBetween(
                  berlin("2025-03-30T00:00"), berlin("2025-03-31T00:00")))
          .isEqualTo(Duration.ofMinutes(30));
      assertThat(sundayNights.addBusinessTime(berlin("2025-03-30T00:00"), Duration.ofMinutes(30)))
          .isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
    }

    @Test
    void aTwentyFourSevenDayHasTwentyThreeHoursWhenClocksSpringForward() {
      BusinessCalendar always = BusinessCalendar.always(BERLIN);

      assertThat(always.businessTimeBetween(berlin("2025-03-30T00:00"), berlin("2025-03-31T00:00")))
          .isEqualTo(Duration.ofHours(23));
      assertThat(always.addBusinessTime(berlin("2025-03-29T12:00"), Duration.ofHours(24)))
          .isEqualTo(berlin("2025-03-30T13:00"));
    }
  }

  @Nested
  class TwentyFourSeven {

    @Test
    void businessTimeIsPlainElapsedTime() {
      BusinessCalendar always = BusinessCalendar.always(ZoneOffset.UTC);
      Instant start = Instant.parse("2025-06-06T17:00:00Z");

      assertThat(always.addBusinessTime(start, Duration.ofHours(100)))
          .isEqualTo(start.plus(Duration.ofHours(100)));
      assertThat(always.businessTimeBetween(start, start.plus(Duration.ofDays(9))))
          .isEqualTo(Duration.ofDays(9));
      assertThat(always.isBusinessTime(Instant.parse("2025-06-08T00:00:00Z"))).isTrue();
    }

    @Test
    void windowsEndingAtMidnightJoinTheNextDaysWindows() {
      BusinessCalendar weekendNights =
          new BusinessCalendar(
              TAIPEI,
              Map.of(
                  DayOfWeek.SATURDAY,
                  List.of(new TimeWindow(LocalTime.of(20, 0), LocalTime.MIDNIGHT)),
                  DayOfWeek.SUNDAY,
                  List.of(new TimeWindow(LocalTime.MIDNIGHT, LocalTime.of(2, 0)))),
              Set.of());

      assertThat(weekendNights.addBusinessTime(taipei("2025-06-07T23:00"), Duration.ofHours(2)))
          .isEqualTo(taipei("2025-06-08T01:00"));
      assertThat(weekendNights.isBusinessTime(taipei("2025-06-07T23:59:59"))).isTrue();
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsAWindowThatEndsBeforeItStarts() {
      assertThatThrownBy(() -> new TimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be after start");
    }

    @Test
    void rejectsOverlappingWindowsOnOneDay() {
      Map<DayOfWeek, List<TimeWindow>> hours =
          Map.of(
              DayOfWeek.MONDAY,
              List.of(
                  new TimeWindow(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                  new TimeWindow(LocalTime.of(12, 0), LocalTime.of(18, 0))));

      assertThatThrownBy(() -> new BusinessCalendar(TAIPEI, hours, Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("MONDAY overlap");
    }

    @Test
    void acceptsWindowsThatTouch() {
      Map<DayOfWeek, List<TimeWindow>> hours =
          Map.of(
              DayOfWeek.MONDAY,
              List.of(
                  new TimeWindow(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                  new TimeWindow(LocalTime.of(12, 0), LocalTime.MIDNIGHT)));

      BusinessCalendar calendar = new BusinessCalendar(TAIPEI, hours, Set.of());

      assertThat(
              calendar.businessTimeBetween(taipei("2025-06-09T00:00"), taipei("2025-06-10T00:00")))
          .isEqualTo(Duration.ofHours(15));
    }
  }

  @Nested
  class RoundTrip {

    @Test
    void businessTimeBetweenUndoesAddBusinessTimeForRandomStartsAndAmounts() {
      BusinessCalendar calendar =
          withLunchBreak(BERLIN, Set.of(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 12, 25)));
      assertRoundTrips(calendar, new Random(20250606L));
    }

    @Test
    void roundTripsOnATwentyFourSevenCalendar() {
      assertRoundTrips(BusinessCalendar.always(BERLIN), new Random(42L));
    }

    private static void assertRoundTrips(BusinessCalendar calendar, Random random) {
      Instant base = Instant.parse("2024-01-01T00:00:00Z");
      long twoYearsInSeconds = Duration.ofDays(730).toSeconds();
      for (int i = 0; i < 2_000; i++) {
        Instant start = base.plusSeconds(random.nextLong(twoYearsInSeconds));
        Duration amount =
            Duration.ofSeconds(random.nextLong(Duration.ofHours(400).toSeconds()))
                .plusNanos(random.nextInt(1_000_000_000));

        Instant end = calendar.addBusinessTime(start, amount);

        assertThat(calendar.businessTimeBetween(start, end))
            .as("start %s, amount %s, end %s", start, amount, end)
            .isEqualTo(amount);
      }
    }
  }
}
