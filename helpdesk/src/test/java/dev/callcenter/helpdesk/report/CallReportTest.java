package dev.callcenter.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.CallRecord.Outcome;
import dev.callcenter.helpdesk.ticket.TicketKit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The call KPIs of docs/metrics.md on small data sets whose answers are worked out by hand. */
class CallReportTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  private final TicketKit kit = new TicketKit();
  private final ReportFacts facts = kit.helpdesk.reportFacts();
  private final ReportService reports = kit.helpdesk.reports();
  private final AtomicInteger ids = new AtomicInteger();
  private final long ann = kit.agent("Ann");
  private final long bob = kit.agent("Bob");

  {
    // "now" is after every period below, so no state is still running
    kit.clock.set(Instant.parse("2026-12-31T00:00:00Z"));
  }

  @AfterEach
  void close() {
    kit.close();
  }

  private static Instant at(ZoneId zone, String local) {
    return LocalDateTime.parse(local).atZone(zone).toInstant();
  }

  private void call(Instant offered, int wait, Outcome outcome, Integer talk, Long agent) {
    call(offered, wait, outcome, talk, agent, false, false, "support", Tier.STANDARD);
  }

  private String call(
      Instant offered,
      int wait,
      Outcome outcome,
      Integer talk,
      Long agent,
      boolean in,
      boolean out,
      String queue,
      Tier tier) {
    String id = "call-" + ids.incrementAndGet();
    Instant answered = outcome == Outcome.ANSWERED ? offered.plusSeconds(wait) : null;
    Instant ended = answered != null ? answered.plusSeconds(talk) : offered.plusSeconds(wait);
    facts.recordCall(
        new CallRecord(
            id,
            queue,
            null,
            tier,
            offered,
            answered,
            ended,
            outcome,
            wait,
            talk,
            talk == null ? null : 0,
            agent,
            in,
            out));
    return id;
  }

  private Report calls(LocalDate from, LocalDate to, ZoneId zone, Bucket bucket) {
    return reports.calls(
        new ReportPeriod(from, to, zone, bucket), ReportFilter.none(), CallThresholds.defaults());
  }

  private static Object summary(Report r, String column) {
    Report.Table t = r.table("summary");
    return t.rows().getFirst().get(t.index(column));
  }

  private static Object series(Report r, int bucket, String column) {
    Report.Table t = r.table("series");
    return t.rows().get(bucket).get(t.index(column));
  }

  @Test
  void noCallsGiveZeroCountsAndEmptyRatiosNotZeroOrHundredPercent() {
    Report r = calls(DAY, DAY, TAIPEI, Bucket.HOUR);

    assertThat(summary(r, "offered")).isEqualTo(0L);
    assertThat(summary(r, "serviceLevelAnswered")).isNull();
    assertThat(summary(r, "serviceLevelOffered")).isNull();
    assertThat(summary(r, "serviceLevelOfferedExShort")).isNull();
    assertThat(summary(r, "asaSeconds")).isNull();
    assertThat(summary(r, "ahtSeconds")).isNull();
    assertThat(summary(r, "ahtP90Seconds")).isNull();
    assertThat(r.table("series").rows()).hasSize(24);
    assertThat(r.table("occupancy").rows().getFirst().get(3)).isNull();
  }

  @Test
  void tenCallsWithAnswersAbandonsShortAbandonsATimeoutAndATransfer() {
    call(at(TAIPEI, "2026-03-02T09:00"), 5, Outcome.ANSWERED, 100, ann);
    call(at(TAIPEI, "2026-03-02T09:10"), 15, Outcome.ANSWERED, 200, ann);
    call(at(TAIPEI, "2026-03-02T09:20"), 30, Outcome.ANSWERED, 300, bob);
    call(at(TAIPEI, "2026-03-02T09:40"), 20, Outcome.ANSWERED, 60, bob); // T is inclusive
    call(at(TAIPEI, "2026-03-02T10:05"), 3, Outcome.ABANDONED, null, null); // short
    call(at(TAIPEI, "2026-03-02T10:10"), 4, Outcome.ABANDONED, null, null); // short
    call(at(TAIPEI, "2026-03-02T10:15"), 5, Outcome.ABANDONED, null, null); // 5 s is not short
    call(at(TAIPEI, "2026-03-02T10:20"), 40, Outcome.ABANDONED, null, null);
    call(at(TAIPEI, "2026-03-02T10:30"), 60, Outcome.UNANSWERED, null, null);
    // Ann answers and transfers to billing, where Bob takes it after 8 s.
    call(
        at(TAIPEI, "2026-03-02T10:50"),
        10,
        Outcome.ANSWERED,
        400,
        ann,
        false,
        true,
        "support",
        Tier.STANDARD);
    call(
        at(TAIPEI, "2026-03-02T10:57"),
        8,
        Outcome.ANSWERED,
        50,
        bob,
        true,
        false,
        "billing",
        Tier.STANDARD);

    Report r = calls(DAY, DAY, TAIPEI, Bucket.HOUR);

    assertThat(summary(r, "offered")).isEqualTo(10L);
    assertThat(summary(r, "answered")).isEqualTo(5L);
    assertThat(summary(r, "abandoned")).isEqualTo(4L);
    assertThat(summary(r, "shortAbandoned")).isEqualTo(2L);
    assertThat(summary(r, "unanswered")).isEqualTo(1L);
    // within 20 s: the calls of 09:00, 09:10, 09:40 and 10:50
    assertThat(summary(r, "serviceLevelAnswered")).isEqualTo(4.0 / 5);
    assertThat(summary(r, "serviceLevelOffered")).isEqualTo(4.0 / 10);
    assertThat(summary(r, "serviceLevelOfferedExShort")).isEqualTo(4.0 / 8);
    assertThat(summary(r, "abandonRate")).isEqualTo(2.0 / 8);
    assertThat(summary(r, "asaSeconds")).isEqualTo((5 + 15 + 30 + 20 + 10) / 5.0);
    // every agent's part is handling: 100 + 200 + 300 + 60 + 400 + 50 over 6
    assertThat((Double) summary(r, "ahtSeconds")).isCloseTo(1110 / 6.0, within(1e-9));
    // nearest rank of 90 % among [50, 60, 100, 200, 300, 400]
    assertThat(summary(r, "ahtP90Seconds")).isEqualTo(400.0);
    assertThat(summary(r, "transfersOut")).isEqualTo(1L);
    assertThat(summary(r, "transfersIn")).isEqualTo(1L);

    // 09:00–10:00 local is bucket 9 of the day
    assertThat(series(r, 9, "bucketStart")).isEqualTo(at(TAIPEI, "2026-03-02T09:00"));
    assertThat(series(r, 9, "offered")).isEqualTo(4L);
    assertThat(series(r, 9, "serviceLevelAnswered")).isEqualTo(3.0 / 4);
    assertThat(series(r, 10, "offered")).isEqualTo(6L);
    assertThat(series(r, 10, "serviceLevelOffered")).isEqualTo(1.0 / 6);
    assertThat(series(r, 8, "offered")).isEqualTo(0L);
    assertThat(series(r, 8, "serviceLevelAnswered")).isNull();

    Report support =
        reports.calls(
            new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY),
            new ReportFilter("support", null, null, "router", null),
            CallThresholds.defaults());
    assertThat(summary(support, "offered")).isEqualTo(10L);
    assertThat(summary(support, "transfersIn")).isEqualTo(0L);
    assertThat(support.ignoredFilters()).containsExactly("product");

    Report bobs =
        reports.calls(
            new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY),
            new ReportFilter(null, null, bob, null, null),
            CallThresholds.defaults());
    assertThat(summary(bobs, "answered")).isEqualTo(2L);
    assertThat(summary(bobs, "ahtSeconds")).isEqualTo((300 + 60 + 50) / 3.0);
  }

  @Test
  void allAbandonedGivesNoAnsweredServiceLevelAndZeroForTheOthers() {
    call(at(TAIPEI, "2026-03-02T09:00"), 2, Outcome.ABANDONED, null, null);
    call(at(TAIPEI, "2026-03-02T09:01"), 30, Outcome.ABANDONED, null, null);

    Report r = calls(DAY, DAY, TAIPEI, Bucket.DAY);

    assertThat(summary(r, "serviceLevelAnswered")).isNull();
    assertThat(summary(r, "serviceLevelOffered")).isEqualTo(0.0);
    assertThat(summary(r, "serviceLevelOfferedExShort")).isEqualTo(0.0);
    assertThat(summary(r, "abandonRate")).isEqualTo(1.0);
    assertThat(summary(r, "asaSeconds")).isNull();
  }

  @Test
  void onlyShortAbandonsLeaveTheShortAbandonVariantEmpty() {
    call(at(TAIPEI, "2026-03-02T09:00"), 1, Outcome.ABANDONED, null, null);

    Report r =
        reports.calls(
            new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY),
            ReportFilter.none(),
            new CallThresholds(20, 2));

    assertThat(summary(r, "shortAbandoned")).isEqualTo(1L);
    assertThat(summary(r, "serviceLevelOffered")).isEqualTo(0.0);
    assertThat(summary(r, "serviceLevelOfferedExShort")).isNull();
    assertThat(summary(r, "abandonRate")).isNull();
  }

  @Test
  void aCallCrossingMidnightCountsOnTheDayItWasOffered() {
    call(at(TAIPEI, "2026-03-02T23:59:50"), 25, Outcome.ANSWERED, 120, ann);

    Report twoDays = calls(DAY, DAY.plusDays(1), TAIPEI, Bucket.DAY);
    assertThat(series(twoDays, 0, "offered")).isEqualTo(1L);
    assertThat(series(twoDays, 0, "asaSeconds")).isEqualTo(25.0);
    assertThat(series(twoDays, 1, "offered")).isEqualTo(0L);

    assertThat(summary(calls(DAY.plusDays(1), DAY.plusDays(1), TAIPEI, Bucket.DAY), "offered"))
        .isEqualTo(0L);
    assertThat(summary(calls(DAY, DAY, TAIPEI, Bucket.HOUR), "offered")).isEqualTo(1L);
  }

  @Test
  void periodBoundariesIncludeTheFirstInstantAndExcludeTheNextDaysMidnight() {
    call(at(TAIPEI, "2026-03-02T00:00"), 1, Outcome.ANSWERED, 10, ann);
    call(at(TAIPEI, "2026-03-03T00:00"), 1, Outcome.ANSWERED, 10, ann);
    call(at(TAIPEI, "2026-03-01T23:59:59"), 1, Outcome.ANSWERED, 10, ann);

    assertThat(summary(calls(DAY, DAY, TAIPEI, Bucket.QUARTER_HOUR), "offered")).isEqualTo(1L);
    assertThat(series(calls(DAY, DAY, TAIPEI, Bucket.QUARTER_HOUR), 0, "offered")).isEqualTo(1L);
    // the same instants seen from UTC: Taipei's midnight is 16:00 the day before
    assertThat(summary(calls(DAY, DAY, ZoneId.of("UTC"), Bucket.DAY), "offered")).isEqualTo(1L);
  }

  @Test
  void theAutumnDayInBerlinHas25HourlyBucketsAndTheRepeatedHourIsTwo() {
    LocalDate autumn = LocalDate.of(2026, 10, 25);
    // 02:30 happens twice: first at +02:00, then at +01:00
    call(Instant.parse("2026-10-25T00:30:00Z"), 3, Outcome.ANSWERED, 10, ann);
    call(Instant.parse("2026-10-25T01:30:00Z"), 3, Outcome.ANSWERED, 10, ann);
    call(Instant.parse("2026-10-25T01:40:00Z"), 3, Outcome.ANSWERED, 10, ann);

    Report r = calls(autumn, autumn, BERLIN, Bucket.HOUR);

    assertThat(r.table("series").rows()).hasSize(25);
    assertThat(series(r, 2, "offered")).isEqualTo(1L);
    assertThat(series(r, 3, "offered")).isEqualTo(2L);
    assertThat(series(r, 3, "bucketStart")).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    assertThat(calls(autumn, autumn, BERLIN, Bucket.QUARTER_HOUR).table("series").rows())
        .hasSize(100);

    LocalDate spring = LocalDate.of(2026, 3, 29);
    assertThat(calls(spring, spring, BERLIN, Bucket.HOUR).table("series").rows()).hasSize(23);
  }

  @Test
  void aNewYorkDayIsALocalDayAcrossTheClockChange() {
    LocalDate day = LocalDate.of(2026, 11, 1); // 25 hours: EDT until 02:00, then EST
    call(at(NEW_YORK, "2026-11-01T00:10"), 1, Outcome.ANSWERED, 10, ann);
    call(at(NEW_YORK, "2026-11-01T23:50"), 1, Outcome.ANSWERED, 10, ann);
    call(at(NEW_YORK, "2026-11-02T00:10"), 1, Outcome.ANSWERED, 10, ann);

    Report r = calls(day, day.plusDays(1), NEW_YORK, Bucket.DAY);

    assertThat(series(r, 0, "offered")).isEqualTo(2L);
    assertThat(series(r, 1, "offered")).isEqualTo(1L);
    assertThat(series(r, 1, "bucketStart")).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
  }

  @Test
  void weeksAreIsoWeeksCutAtThePeriodsEnds() {
    LocalDate wednesday = LocalDate.of(2026, 3, 4);
    call(at(TAIPEI, "2026-03-08T23:00"), 1, Outcome.ANSWERED, 10, ann); // Sunday
    call(at(TAIPEI, "2026-03-09T01:00"), 1, Outcome.ANSWERED, 10, ann); // Monday

    Report r = calls(wednesday, wednesday.plusDays(6), TAIPEI, Bucket.WEEK);

    assertThat(r.table("series").rows()).hasSize(2);
    assertThat(series(r, 0, "bucketStart")).isEqualTo(at(TAIPEI, "2026-03-04T00:00"));
    assertThat(series(r, 1, "bucketStart")).isEqualTo(at(TAIPEI, "2026-03-09T00:00"));
    assertThat(series(r, 0, "offered")).isEqualTo(1L);
    assertThat(series(r, 1, "offered")).isEqualTo(1L);
  }

  /** Written one change at a time, or all in one write as the gateway does under load. */
  @ParameterizedTest(name = "written together: {0}")
  @ValueSource(booleans = {false, true})
  void wrapUpFromTheStateLogCountsInHandleTimeAndOccupancyLeavesBreaksOut(boolean together) {
    String id =
        call(
            at(TAIPEI, "2026-03-02T10:30"),
            0,
            Outcome.ANSWERED,
            600,
            ann,
            false,
            false,
            "support",
            Tier.STANDARD);
    // The first change closes a state the agent was in before the period.
    facts.agentState(ann, "LOGGED_OUT", null, null, at(TAIPEI, "2026-03-01T08:00"));
    List<StateChange> changes =
        List.of(
            new StateChange("AVAILABLE", null, null, at(TAIPEI, "2026-03-02T10:00")),
            new StateChange("ON_CALL", null, id, at(TAIPEI, "2026-03-02T10:30")),
            new StateChange("WRAP_UP", null, id, at(TAIPEI, "2026-03-02T10:40")),
            new StateChange("PAUSED", "lunch", null, at(TAIPEI, "2026-03-02T10:45")),
            new StateChange("LOGGED_OUT", null, null, at(TAIPEI, "2026-03-02T11:00")));
    if (together) {
      facts.agentStates(ann, changes);
    } else {
      changes.forEach(c -> facts.agentState(ann, c.state(), c.reason(), c.callId(), c.at()));
    }

    Report r = calls(DAY, DAY, TAIPEI, Bucket.DAY);

    assertThat(summary(r, "ahtSeconds")).isEqualTo(900.0); // 600 talk + 300 wrap-up
    Report.Table occ = r.table("occupancy");
    assertThat(occ.rows().getFirst()).containsExactly(900L, 1800L, 900L, 900.0 / 2700);

    Report agents =
        reports.agents(new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY), ReportFilter.none());
    Report.Table t = agents.table("agents");
    List<Object> row = t.rows().getFirst();
    assertThat(row.get(t.index("answered"))).isEqualTo(1L);
    assertThat(row.get(t.index("availableSeconds"))).isEqualTo(1800L);
    assertThat(row.get(t.index("onCallSeconds"))).isEqualTo(600L);
    assertThat(row.get(t.index("wrapUpSeconds"))).isEqualTo(300L);
    assertThat(row.get(t.index("pausedSeconds"))).isEqualTo(900L);
    assertThat(agents.table("pauses").rows())
        .containsExactly(List.of(kit.users.find(ann).orElseThrow().username(), "lunch", 900L));
  }

  @Test
  void aStateAcrossMidnightIsSplitBetweenTheDays() {
    facts.agentState(ann, "AVAILABLE", null, null, at(TAIPEI, "2026-03-02T23:00"));
    facts.agentState(ann, "LOGGED_OUT", null, null, at(TAIPEI, "2026-03-03T01:30"));

    Report.Table day1 =
        reports
            .agents(new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY), ReportFilter.none())
            .table("agents");
    Report.Table day2 =
        reports
            .agents(
                new ReportPeriod(DAY.plusDays(1), DAY.plusDays(1), TAIPEI, Bucket.DAY),
                ReportFilter.none())
            .table("agents");

    assertThat(day1.rows().getFirst().get(day1.index("availableSeconds"))).isEqualTo(3600L);
    assertThat(day2.rows().getFirst().get(day2.index("availableSeconds"))).isEqualTo(5400L);
  }

  @Test
  void vipAndStandardCallsAreSplitByTheTierAtOfferTime() {
    call(
        at(TAIPEI, "2026-03-02T09:00"),
        5,
        Outcome.ANSWERED,
        10,
        ann,
        false,
        false,
        "support",
        Tier.VIP);
    call(
        at(TAIPEI, "2026-03-02T09:05"),
        50,
        Outcome.ANSWERED,
        10,
        ann,
        false,
        false,
        "support",
        Tier.STANDARD);
    call(
        at(TAIPEI, "2026-03-02T09:06"),
        50,
        Outcome.ABANDONED,
        null,
        null,
        false,
        false,
        "support",
        Tier.STANDARD);

    Report r =
        reports.customers(
            new ReportPeriod(DAY, DAY, TAIPEI, Bucket.DAY),
            ReportFilter.none(),
            CallThresholds.defaults());
    Report.Table t = r.table("serviceByTier");

    assertThat(t.value("VIP", "serviceLevelOffered")).isEqualTo(1.0);
    assertThat(t.value("STANDARD", "serviceLevelAnswered")).isEqualTo(0.0);
    assertThat(t.value("STANDARD", "offered")).isEqualTo(2L);
  }
}
