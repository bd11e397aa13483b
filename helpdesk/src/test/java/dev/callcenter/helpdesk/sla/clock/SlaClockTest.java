package dev.callcenter.helpdesk.sla.clock;

import static dev.callcenter.helpdesk.sla.clock.BusinessCalendarTest.BERLIN;
import static dev.callcenter.helpdesk.sla.clock.BusinessCalendarTest.TAIPEI;
import static dev.callcenter.helpdesk.sla.clock.BusinessCalendarTest.TAIPEI_9_TO_18;
import static dev.callcenter.helpdesk.sla.clock.BusinessCalendarTest.berlin;
import static dev.callcenter.helpdesk.sla.clock.BusinessCalendarTest.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  static final Instant MONDAY_9 = taipei("2025-06-09T09:00");
  static final Duration FIVE_HOURS = Duration.ofHours(5);

  static SlaMeasurement measure(
      Instant startedAt, Duration target, List<Pause> pauses, Instant stoppedAt, Instant now) {
    return measure(TAIPEI_9_TO_18, startedAt, target, pauses, stoppedAt, now);
  }

  static SlaMeasurement measure(
      BusinessCalendar calendar,
      Instant startedAt,
      Duration target,
      List<Pause> pauses,
      Instant stoppedAt,
      Instant now) {
    return SlaClock.measure(
        new SlaClockInput(startedAt, target, pauses, stoppedAt, now, 80, calendar));
  }

  static Pause pause(String from, String to) {
    return new Pause(taipei(from), taipei(to));
  }

  @Nested
  class DueTime {

    @Test
    void aTicketOpenedFridayAtFiveWithAFourHourTargetIsDueMondayAtNoon() {
      SlaMeasurement m =
          measure(
              taipei("2025-06-06T17:00"),
              Duration.ofHours(4),
              List.of(),
              null,
              taipei("2025-06-06T17:30"));

      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T12:00"));
      assertThat(m.elapsed()).isEqualTo(Duration.ofMinutes(30));
      assertThat(m.remaining()).isEqualTo(Duration.ofMinutes(210));
      assertThat(m.state()).isEqualTo(SlaState.RUNNING);
    }

    @Test
    void aMondayHolidayMovesTheDueTimeToTuesday() {
      BusinessCalendar calendar =
          BusinessCalendar.weekdays(
              TAIPEI, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(LocalDate.of(2025, 6, 9)));

      SlaMeasurement m =
          measure(
              calendar,
              taipei("2025-06-06T17:00"),
              Duration.ofHours(4),
              List.of(),
              null,
              taipei("2025-06-06T17:30"));

      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-10T12:00"));
    }

    @Test
    void theLunchBreakDoesNotCountAndAClockOutsideHoursIsStillRunning() {
      BusinessCalendar withLunch = BusinessCalendarTest.withLunchBreak(TAIPEI, Set.of());

      SlaMeasurement m =
          measure(
              withLunch,
              taipei("2025-06-09T11:00"),
              Duration.ofHours(2),
              List.of(),
              null,
              taipei("2025-06-09T12:30"));

      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T14:00"));
      assertThat(m.elapsed()).isEqualTo(Duration.ofHours(1));
      assertThat(m.state()).isEqualTo(SlaState.RUNNING);
    }
  }

  @Nested
  class Pauses {

    @Test
    void aPendingCustomerPauseExtendsTheDueTimeByExactlyThePausedBusinessTime() {
      Instant now = taipei("2025-06-09T12:00");
      SlaMeasurement unpaused = measure(MONDAY_9, Duration.ofHours(4), List.of(), null, now);

      SlaMeasurement paused =
          measure(
              MONDAY_9,
              Duration.ofHours(4),
              List.of(pause("2025-06-09T10:00", "2025-06-09T11:30")),
              null,
              now);

      assertThat(unpaused.dueAt()).isEqualTo(taipei("2025-06-09T13:00"));
      assertThat(paused.dueAt()).isEqualTo(unpaused.dueAt().plus(Duration.ofMinutes(90)));
      assertThat(paused.elapsed()).isEqualTo(Duration.ofMinutes(90));
      assertThat(paused.state()).isEqualTo(SlaState.RUNNING);
    }

    @Test
    void aPauseSpanningAWeekendExtendsTheDueTimeOnlyByItsBusinessPart() {
      Instant fridayMorning = taipei("2025-06-06T09:00");
      Instant mondayNoon = taipei("2025-06-09T12:00");
      Duration target = Duration.ofHours(16);

      SlaMeasurement unpaused = measure(fridayMorning, target, List.of(), null, mondayNoon);
      SlaMeasurement paused =
          measure(
              fridayMorning,
              target,
              List.of(pause("2025-06-06T17:00", "2025-06-09T10:00")),
              null,
              mondayNoon);

      assertThat(unpaused.dueAt()).isEqualTo(taipei("2025-06-09T16:00"));
      assertThat(paused.dueAt()).isEqualTo(taipei("2025-06-09T18:00"));
      assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void anOpenPauseMeansPausedAndProjectsTheDueTimeAsIfResumedNow() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              Duration.ofHours(4),
              List.of(Pause.open(taipei("2025-06-09T10:00"))),
              null,
              taipei("2025-06-09T14:00"));

      assertThat(m.state()).isEqualTo(SlaState.PAUSED);
      assertThat(m.elapsed()).isEqualTo(Duration.ofHours(1));
      assertThat(m.remaining()).isEqualTo(Duration.ofHours(3));
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T17:00"));
    }

    @Test
    void overlappingPausesAreCountedOnceAndPausesBeforeTheStartAreIgnored() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              Duration.ofHours(8),
              List.of(
                  pause("2025-06-09T10:30", "2025-06-09T11:30"),
                  pause("2025-06-09T10:00", "2025-06-09T11:00"),
                  pause("2025-06-09T10:40", "2025-06-09T10:50"),
                  pause("2025-06-06T10:00", "2025-06-06T12:00")),
              null,
              taipei("2025-06-09T12:00"));

      assertThat(m.elapsed()).isEqualTo(Duration.ofMinutes(90));
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-10T09:30"));
    }

    @Test
    void aPauseStillOpenWhenTheTargetIsMetStopsCountingAtItsStart() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              FIVE_HOURS,
              List.of(Pause.open(taipei("2025-06-09T10:00"))),
              taipei("2025-06-09T16:00"),
              taipei("2025-06-10T09:00"));

      assertThat(m.state()).isEqualTo(SlaState.MET);
      assertThat(m.elapsed()).isEqualTo(Duration.ofHours(1));
    }
  }

  @Nested
  class Warning {

    @Test
    void warnsOnceEightyPercentOfTheTargetHasElapsed() {
      SlaMeasurement at80 =
          measure(MONDAY_9, FIVE_HOURS, List.of(), null, taipei("2025-06-09T13:00"));
      SlaMeasurement justBefore =
          measure(MONDAY_9, FIVE_HOURS, List.of(), null, taipei("2025-06-09T12:59:59"));

      assertThat(at80.warning()).isTrue();
      assertThat(at80.state()).isEqualTo(SlaState.RUNNING);
      assertThat(justBefore.warning()).isFalse();
    }

    @Test
    void warnsWhilePaused() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              FIVE_HOURS,
              List.of(Pause.open(taipei("2025-06-09T13:00"))),
              null,
              taipei("2025-06-09T17:00"));

      assertThat(m.state()).isEqualTo(SlaState.PAUSED);
      assertThat(m.warning()).isTrue();
    }

    @Test
    void doesNotWarnOnceBreachedOrMet() {
      assertThat(
              measure(MONDAY_9, FIVE_HOURS, List.of(), null, taipei("2025-06-09T15:00")).warning())
          .isFalse();
      assertThat(
              measure(
                      MONDAY_9,
                      FIVE_HOURS,
                      List.of(),
                      taipei("2025-06-09T13:30"),
                      taipei("2025-06-09T13:30"))
                  .warning())
          .isFalse();
    }
  }

  @Nested
  class Breach {

    @Test
    void aRunningClockPastItsTargetIsBreachedAndDueWhenItCrossedTheTarget() {
      SlaMeasurement m = measure(MONDAY_9, FIVE_HOURS, List.of(), null, taipei("2025-06-09T15:00"));

      assertThat(m.state()).isEqualTo(SlaState.BREACHED);
      assertThat(m.remaining()).isEqualTo(Duration.ofHours(-1));
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T14:00"));
    }

    @Test
    void aRunningClockExactlyAtItsTargetIsBreached() {
      SlaMeasurement m = measure(MONDAY_9, FIVE_HOURS, List.of(), null, taipei("2025-06-09T14:00"));

      assertThat(m.state()).isEqualTo(SlaState.BREACHED);
      assertThat(m.remaining()).isZero();
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T14:00"));
    }

    @Test
    void theCrossingInstantAccountsForPauses() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              Duration.ofHours(2),
              List.of(pause("2025-06-09T10:00", "2025-06-09T11:00")),
              null,
              taipei("2025-06-09T15:00"));

      assertThat(m.elapsed()).isEqualTo(FIVE_HOURS);
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T12:00"));
    }

    @Test
    void aTargetUsedUpAtFridayClosingWasCrossedAtClosingNotAtMondayOpening() {
      SlaMeasurement m =
          measure(
              taipei("2025-06-06T14:00"),
              Duration.ofHours(4),
              List.of(),
              null,
              taipei("2025-06-09T10:00"));

      assertThat(m.state()).isEqualTo(SlaState.BREACHED);
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-06T18:00"));
    }
  }

  @Nested
  class Stopped {

    @Test
    void metBeforeTheTarget() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              FIVE_HOURS,
              List.of(),
              taipei("2025-06-09T11:00"),
              taipei("2025-06-10T09:00"));

      assertThat(m.state()).isEqualTo(SlaState.MET);
      assertThat(m.elapsed()).isEqualTo(Duration.ofHours(2));
      assertThat(m.remaining()).isEqualTo(Duration.ofHours(3));
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T14:00"));
      assertThat(m.warning()).isFalse();
    }

    @Test
    void metExactlyAtTheTargetIsMet() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              FIVE_HOURS,
              List.of(),
              taipei("2025-06-09T14:00"),
              taipei("2025-06-09T14:00"));

      assertThat(m.state()).isEqualTo(SlaState.MET);
    }

    @Test
    void metAfterTheTargetIsBreached() {
      SlaMeasurement m =
          measure(
              MONDAY_9,
              FIVE_HOURS,
              List.of(),
              taipei("2025-06-09T15:00"),
              taipei("2025-06-10T09:00"));

      assertThat(m.state()).isEqualTo(SlaState.BREACHED);
      assertThat(m.remaining()).isEqualTo(Duration.ofHours(-1));
      assertThat(m.dueAt()).isEqualTo(taipei("2025-06-09T14:00"));
    }
  }

  @Nested
  class Calendars {

    @Test
    void theDueTimeKeepsLocalOpeningHoursAcrossTheBerlinDaylightSavingChange() {
      BusinessCalendar berlin9to18 =
          BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of());

      SlaMeasurement m =
          measure(
              berlin9to18,
              berlin("2025-03-28T17:00"),
              Duration.ofHours(2),
              List.of(),
              null,
              berlin("2025-03-28T17:30"));

      assertThat(m.dueAt()).isEqualTo(Instant.parse("2025-03-31T08:00:00Z"));
    }

    @Test
    void aTwentyFourSevenClockCountsWallTimeMinusPauses() {
      Instant start = Instant.parse("2025-06-07T22:00:00Z");

      SlaMeasurement m =
          measure(
              BusinessCalendar.always(BERLIN),
              start,
              Duration.ofHours(8),
              List.of(new Pause(start.plusSeconds(3600), start.plusSeconds(3 * 3600))),
              null,
              start.plusSeconds(5 * 3600));

      assertThat(m.elapsed()).isEqualTo(Duration.ofHours(3));
      assertThat(m.dueAt()).isEqualTo(start.plus(Duration.ofHours(10)));
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsAWarningPercentOutsideOneToNinetyNine() {
      for (int percent : new int[] {0, 100}) {
        assertThatThrownBy(
                () ->
                    new SlaClockInput(
                        MONDAY_9, FIVE_HOURS, List.of(), null, MONDAY_9, percent, TAIPEI_9_TO_18))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("warning percent");
      }
    }

    @Test
    void rejectsANonPositiveTarget() {
      assertThatThrownBy(
              () ->
                  new SlaClockInput(
                      MONDAY_9, Duration.ZERO, List.of(), null, MONDAY_9, 80, TAIPEI_9_TO_18))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must be positive");
    }

    @Test
    void rejectsInstantsOutOfOrder() {
      Instant before = MONDAY_9.minusSeconds(60);

      assertThatThrownBy(
              () ->
                  new SlaClockInput(
                      MONDAY_9, FIVE_HOURS, List.of(), before, MONDAY_9, 80, TAIPEI_9_TO_18))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stoppedAt");
      assertThatThrownBy(
              () ->
                  new SlaClockInput(
                      MONDAY_9, FIVE_HOURS, List.of(), null, before, 80, TAIPEI_9_TO_18))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("now");
    }

    @Test
    void rejectsAPauseThatEndsBeforeItStarts() {
      assertThatThrownBy(() -> new Pause(MONDAY_9, MONDAY_9.minusSeconds(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("before its start");
    }
  }
}
