package dev.callcenter.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.CallRecord.Outcome;
import dev.callcenter.helpdesk.survey.SurveyAnswerDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SLA, complaints, satisfaction and customer reports on small hand-checked data sets. */
class TicketReportsTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private final TicketKit kit = new TicketKit();
  private final ReportService reports = kit.helpdesk.reports();

  @AfterEach
  void close() {
    kit.close();
  }

  private static ReportPeriod days(String from, String to) {
    return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to), TAIPEI, Bucket.DAY);
  }

  @Test
  void slaCountsMetBreachedAndRunningPerTarget() {
    // Monday 2026-01-05 09:00 Taipei. URGENT standard: first response within 60 business minutes.
    long ann = kit.customer("Ann", Tier.STANDARD).id();
    long late = kit.open(TicketType.FAULT_REPORT, Priority.URGENT, ann, null).id();
    long quick = kit.open(TicketType.FAULT_REPORT, Priority.URGENT, ann, null).id();
    kit.clock.advance(Duration.ofMinutes(10));
    kit.workflow.changeStatus(quick, StatusChange.resolve("fixed"), null);
    kit.clock.advance(Duration.ofMinutes(60));
    kit.monitor().scan();

    Report r = reports.sla(days("2026-01-05", "2026-01-05"), ReportFilter.none());
    Report.Table t = r.table("sla");

    assertThat(t.rows()).hasSize(1);
    assertThat(t.value("" + t.rows().getFirst().get(0), "tickets")).isEqualTo(2L);
    List<Object> row = t.rows().getFirst();
    assertThat(row.get(t.index("firstResponseMet"))).isEqualTo(1L);
    assertThat(row.get(t.index("firstResponseBreached"))).isEqualTo(1L);
    assertThat(row.get(t.index("resolutionMet"))).isEqualTo(1L);
    assertThat(row.get(t.index("resolutionRunning"))).isEqualTo(1L);
    assertThat(
            kit.count(
                "select count(*) from sla_event where kind = 'BREACH' and ticket_id = " + late))
        .isEqualTo(1);
    // the late ticket's first response is past due: overdue, whatever its resolution clock says
    assertThat(r.table("timeToBreach").rows()).containsExactly(List.of("0-overdue", 1L));
    // a new urgent ticket is due in exactly an hour: the "under 1 h" band (bounds inclusive)
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, ann, null);
    assertThat(
            reports
                .sla(days("2026-01-05", "2026-01-05"), ReportFilter.none())
                .table("timeToBreach")
                .rows())
        .containsExactly(List.of("0-overdue", 1L), List.of("1-under-1h", 1L));
  }

  @Test
  void complaintsByProductCauseAndChannelWithPromisesAndRepeatComplainers() {
    long ann = kit.customer("Ann", Tier.STANDARD).id();
    long bob = kit.customer("Bob", Tier.VIP).id();
    long c1 = kit.open(TicketType.COMPLAINT, Priority.NORMAL, ann, null).id();
    long c2 = kit.open(TicketType.COMPLAINT, Priority.NORMAL, ann, null).id();
    long c3 = kit.open(TicketType.COMPLAINT, Priority.NORMAL, bob, null).id();
    kit.execute("update ticket set product = 'Router', tags = '{billing,late}' where id = " + c1);
    kit.execute("update ticket set product = 'Router', tags = '{late}' where id = " + c2);
    kit.execute("update ticket set product = '=cmd', source = 'IVR' where id = " + c3);
    kit.clock.advance(Duration.ofDays(1));
    kit.workflow.changeStatus(
        c1, StatusChange.resolve("fixed"), null); // within the promised 3 days
    kit.clock.advance(Duration.ofDays(3));
    kit.workflow.changeStatus(c2, StatusChange.resolve("fixed"), null); // a day late

    Report r =
        reports.complaints(
            days("2026-01-05", "2026-01-11"), ReportFilter.none(), ComplaintSpikes.DEFAULT);

    Report.Table product = r.table("byProduct");
    assertThat(product.value("Router", "complaints")).isEqualTo(2L);
    assertThat(product.value("Router", "resolvedByPromise")).isEqualTo(1L);
    assertThat(product.value("Router", "promiseKept")).isEqualTo(0.5);
    assertThat(product.value("Router", "avgResolveSeconds"))
        .isEqualTo(Duration.ofDays(5).toSeconds() / 2); // (1 d + 4 d) / 2
    Report.Table cause = r.table("byCause");
    assertThat(cause.value("late", "complaints")).isEqualTo(2L);
    assertThat(cause.value("billing", "complaints")).isEqualTo(1L);
    assertThat(cause.value("", "complaints")).isEqualTo(1L);
    assertThat(r.table("byChannel").value("IVR", "complaints")).isEqualTo(1L);
    assertThat(r.table("repeatComplainers").rows())
        .containsExactly(List.of(ann, "Ann", "STANDARD", 2L, 0L));
    assertThat(ReportCsv.write(r)).contains("'=cmd").doesNotContain(",=cmd");
  }

  @Test
  void aWeekAboveTheTrailingMeanByKSigmaIsASpike() {
    ComplaintSpikes rule = new ComplaintSpikes(8, 2.0, 4, 3);
    LocalDate first = LocalDate.of(2026, 1, 5);
    Map<LocalDate, Long> counts = new java.util.HashMap<>();
    long[] weeks = {2, 3, 2, 3, 2, 3, 2, 3, 4, 3};
    for (int i = 0; i < weeks.length; i++) {
      counts.put(first.plusWeeks(i), weeks[i]);
    }
    List<ComplaintSpikes.Week> trend =
        rule.trend(counts, first, first.plusWeeks(8), first.plusWeeks(9));

    // mean 2.5, σ 0.5: threshold 3.5; 4 is a spike, the 3 after it is not
    assertThat(trend.get(0).trailingMean()).isEqualTo(2.5);
    assertThat(trend.get(0).threshold()).isEqualTo(3.5);
    assertThat(trend.get(0).spike()).isTrue();
    assertThat(trend.get(1).spike()).isFalse();
    // too little history: never a spike
    assertThat(rule.trend(Map.of(first, 50L), first, first, first).getFirst().spike()).isFalse();
  }

  @Test
  void theCurrentWeekRaisesASpikeFromTheComplaintsSoFar() {
    long ann = kit.customer("Ann", Tier.STANDARD).id();
    ComplaintSpikes rule = new ComplaintSpikes(4, 1.0, 4, 3);
    Instant start = kit.clock.instant();
    for (int w = 4; w >= 1; w--) {
      kit.clock.set(start.minus(Duration.ofDays(7L * w)));
      kit.open(TicketType.COMPLAINT, Priority.NORMAL, ann, null);
    }
    kit.clock.set(start);
    assertThat(reports.currentSpike(TAIPEI, rule)).isEmpty();
    for (int i = 0; i < 3; i++) {
      kit.open(TicketType.COMPLAINT, Priority.NORMAL, ann, null);
    }
    assertThat(reports.currentSpike(TAIPEI, rule))
        .hasValueSatisfying(w -> assertThat(w.complaints()).isEqualTo(3));

    // The watch raises it once, also when a second node (a second watch) looks as well.
    List<ComplaintSpike> raised = new java.util.ArrayList<>();
    ComplaintSpikeWatch watch =
        new ComplaintSpikeWatch(
            reports, kit.helpdesk.reportFacts(), TAIPEI, rule, kit.clock, raised::add);
    ComplaintSpikeWatch otherNode =
        new ComplaintSpikeWatch(
            reports, kit.helpdesk.reportFacts(), TAIPEI, rule, kit.clock, raised::add);
    assertThat(watch.check()).isPresent();
    kit.open(TicketType.COMPLAINT, Priority.NORMAL, ann, null);
    assertThat(watch.check()).isEmpty();
    assertThat(otherNode.check()).isEmpty();
    assertThat(raised).hasSize(1);
    assertThat(raised.getFirst().week()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(raised.getFirst().trailingMean()).isEqualTo(1.0);
  }

  @Test
  void satisfactionResponseRateAndFirstContactResolution() {
    long ann = kit.customer("Ann", Tier.STANDARD).id();
    long bob = kit.customer("Bob", Tier.STANDARD).id();
    ReportFacts facts = kit.helpdesk.reportFacts();
    Instant d1 = TicketKit.taipei("2026-01-05T10:00");
    // Ann calls twice within 7 days (the first call did not resolve it), Bob once.
    for (Object[] c :
        new Object[][] {
          {"a1", ann, d1}, {"a2", ann, d1.plus(Duration.ofDays(2))}, {"b1", bob, d1}
        }) {
      Instant at = (Instant) c[2];
      facts.recordCall(
          new CallRecord(
              (String) c[0],
              "support",
              (Long) c[1],
              Tier.STANDARD,
              at,
              at.plusSeconds(5),
              at.plusSeconds(65),
              Outcome.ANSWERED,
              5,
              60,
              0,
              null,
              false,
              false));
    }
    var surveys = kit.helpdesk.surveys();
    surveys.record(new SurveyAnswerDraft("a1", ann, "PJSIP/1", "support", null, 5, true));
    surveys.record(new SurveyAnswerDraft("a2", ann, "PJSIP/1", "support", null, 4, false));
    surveys.record(new SurveyAnswerDraft("b1", bob, "PJSIP/2", "sales", null, 2, null));

    Report r = reports.satisfaction(days("2026-01-05", "2026-01-11"), ReportFilter.none());
    Report.Table s = r.table("summary");
    List<Object> row = s.rows().getFirst();

    assertThat(row.get(s.index("answers"))).isEqualTo(3L);
    assertThat((Double) row.get(s.index("csat"))).isCloseTo(11 / 3.0, within(1e-9));
    assertThat(row.get(s.index("satisfiedShare"))).isEqualTo(2 / 3.0);
    assertThat(row.get(s.index("problemSolved"))).isEqualTo(0.5);
    assertThat(row.get(s.index("surveyedCalls"))).isEqualTo(3L);
    assertThat(row.get(s.index("responseRate"))).isEqualTo(1.0);
    assertThat(row.get(s.index("fcrCalls"))).isEqualTo(3L);
    assertThat(row.get(s.index("firstContactResolution"))).isEqualTo(2 / 3.0);
    assertThat(r.table("byQueue").value("support", "answers")).isEqualTo(2L);
    assertThat(r.table("byQueue").value("sales", "rating2")).isEqualTo(1L);
  }

  @Test
  void paretoCurveVipCutAndChurnRisk() {
    long[] values = {50, 30, 10, 5, 5};
    long[] ids = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      ids[i] = kit.customer("客戶" + i, Tier.STANDARD).id();
      kit.execute("update customer set value_12m = " + values[i] + " where id = " + ids[i]);
    }
    Instant end = TicketKit.taipei("2026-07-01T00:00");
    // 客戶0: 4 contacts 100–170 days before the end, 1 in the last 90: at risk.
    // 客戶1: 3 before, 2 recent: not (2 × 2 > 3).
    int[][] contacts = {{4, 1}, {3, 2}};
    for (int c = 0; c < contacts.length; c++) {
      for (int i = 0; i < contacts[c][0]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(100 + 10L * i)));
      }
      for (int i = 0; i < contacts[c][1]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(10 + 10L * i)));
      }
    }

    Report r =
        reports.customers(
            days("2026-06-01", "2026-06-30"), ReportFilter.none(), CallThresholds.defaults());

    Report.Table pareto = r.table("pareto");
    assertThat(pareto.rows().stream().map(x -> x.get(pareto.index("cumulativeShare"))).toList())
        .containsExactly(0.5, 0.8, 0.9, 0.95, 1.0);
    assertThat(pareto.rows().getFirst().get(1)).isEqualTo("客戶0");
    assertThat(r.table("vipCut").rows().getFirst()).containsExactly(2L, 0.4);
    Report.Table curve = r.table("curve");
    assertThat(curve.rows().get(3)).containsExactly(0.2, 0.5, 1L); // 20 % of 5 = the first
    assertThat(curve.rows().get(7)).containsExactly(0.4, 0.8, 2L);
    assertThat(r.table("churnRisk").rows())
        .containsExactly(List.of(ids[0], "客戶0", "STANDARD", 50.0, 4L, 1L));
  }

  @Test
  void churnRiskOfAPastEndIsKeptAgreesWithTheRawRowsAndIsDroppedWhenAContactInItsWindowChanges() {
    ReportService raw = new ReportService(new JdbiReportQueries(kit.db.jdbi(), false), kit.clock);
    long[] ids = new long[4];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = kit.customer("客戶" + i, i == 3 ? Tier.VIP : Tier.STANDARD).id();
      kit.execute("update customer set value_12m = " + (40 - 10 * i) + " where id = " + ids[i]);
    }
    Instant end = TicketKit.taipei("2026-07-01T00:00");
    // before / recent: 4/1 at risk, 3/2 not, 5/0 at risk, 3/1 at risk (VIP)
    int[][] contacts = {{4, 1}, {3, 2}, {5, 0}, {3, 1}};
    for (int c = 0; c < contacts.length; c++) {
      for (int i = 0; i < contacts[c][0]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(100 + 10L * i)));
      }
      for (int i = 0; i < contacts[c][1]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(10 + 10L * i)));
      }
    }
    ReportPeriod june = days("2026-06-01", "2026-06-30");
    kit.clock.set(TicketKit.taipei("2026-07-02T08:00"));

    Report first = reports.customers(june, ReportFilter.none(), CallThresholds.defaults());
    assertThat(first.parameters())
        .containsEntry("churnSource", "snapshot")
        .containsEntry("churnComputedAt", kit.clock.instant());
    assertThat(first.table("churnRisk").rows())
        .containsExactly(
            List.of(ids[0], "客戶0", "STANDARD", 40.0, 4L, 1L),
            List.of(ids[2], "客戶2", "STANDARD", 20.0, 5L, 0L),
            List.of(ids[3], "客戶3", "VIP", 10.0, 3L, 1L));
    assertChurnAgrees(raw, june);
    assertThat(kit.count("select cardinality(customer_ids) from churn_snapshot")).isEqualTo(3);

    // read again later: the kept counts, computed when first asked
    kit.clock.advance(Duration.ofHours(5));
    assertThat(reports.customers(june, ReportFilter.none(), CallThresholds.defaults()).parameters())
        .containsEntry("churnComputedAt", kit.clock.instant().minus(Duration.ofHours(5)));
    // values and tiers are today's: a new value reorders the list at once
    kit.execute("update customer set value_12m = 100 where id = " + ids[3]);
    assertChurnAgrees(raw, june);
    // a contact after the end does not touch the snapshot; one inside its window drops it
    inbound(ids[0], end.plus(Duration.ofDays(1)));
    assertThat(kit.count("select count(*) from churn_snapshot")).isEqualTo(1);
    inbound(ids[0], end.minus(Duration.ofDays(1)));
    assertThat(kit.count("select count(*) from churn_snapshot")).isZero();
    Report again = reports.customers(june, ReportFilter.none(), CallThresholds.defaults());
    assertThat(again.parameters()).containsEntry("churnComputedAt", kit.clock.instant());
    assertThat(again.table("churnRisk").rows())
        .containsExactly(
            List.of(ids[3], "客戶3", "VIP", 100.0, 3L, 1L),
            List.of(ids[0], "客戶0", "STANDARD", 40.0, 4L, 2L),
            List.of(ids[2], "客戶2", "STANDARD", 20.0, 5L, 0L));
    assertChurnAgrees(raw, june);
    // a contact moved out of the window, or removed, drops it too
    kit.execute(
        "update interaction set started_at = started_at - interval '1 year' where customer_id = "
            + ids[2]);
    assertChurnAgrees(raw, june);
    kit.execute("delete from interaction where customer_id = " + ids[3]);
    assertChurnAgrees(raw, june);
    assertThat(
            reports
                .customers(june, ReportFilter.none(), CallThresholds.defaults())
                .table("churnRisk")
                .rows())
        .containsExactly(List.of(ids[0], "客戶0", "STANDARD", 40.0, 4L, 2L));

    // a period ending so far ahead that its earlier 90 days are not over is counted every time
    Report autumn =
        reports.customers(
            days("2026-10-01", "2026-10-31"), ReportFilter.none(), CallThresholds.defaults());
    assertThat(autumn.parameters()).containsEntry("churnSource", "raw");
    assertThat(autumn.parameters()).doesNotContainKey("churnComputedAt");
  }

  @Test
  void churnRiskOfAPeriodNotOverYetIsKeptAndTheContactsSinceAreAddedWhenRead() {
    ReportService raw = new ReportService(new JdbiReportQueries(kit.db.jdbi(), false), kit.clock);
    long[] ids = new long[3];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = kit.customer("客戶" + i, Tier.STANDARD).id();
      kit.execute("update customer set value_12m = " + (30 - 10 * i) + " where id = " + ids[i]);
    }
    // today, 2026-07-15 in Taipei, 10:00; the period (July) ends 2026-08-01
    ReportPeriod july = days("2026-07-01", "2026-07-31");
    Instant end = TicketKit.taipei("2026-08-01T00:00");
    kit.clock.set(TicketKit.taipei("2026-07-15T10:00"));
    // before / recent so far: 4/1 at risk, 4/2 at risk, 2/0 not (fewer than 3 before)
    int[][] contacts = {{4, 1}, {4, 2}, {2, 0}};
    for (int c = 0; c < contacts.length; c++) {
      for (int i = 0; i < contacts[c][0]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(100 + 10L * i)));
      }
      for (int i = 0; i < contacts[c][1]; i++) {
        inbound(ids[c], end.minus(Duration.ofDays(20 + 10L * i)));
      }
    }

    Report first = reports.customers(july, ReportFilter.none(), CallThresholds.defaults());
    assertThat(first.parameters())
        .containsEntry("churnSource", "snapshot")
        .containsEntry("churnComputedAt", kit.clock.instant());
    assertThat(first.table("churnRisk").rows())
        .containsExactly(
            List.of(ids[0], "客戶0", "STANDARD", 30.0, 4L, 1L),
            List.of(ids[1], "客戶1", "STANDARD", 20.0, 4L, 2L));
    assertChurnAgrees(raw, july);

    // calls today, after the counts were kept: added when read, the snapshot stays
    kit.clock.advance(Duration.ofHours(2));
    inbound(ids[1], kit.clock.instant().minus(Duration.ofMinutes(30)));
    inbound(ids[0], kit.clock.instant().minus(Duration.ofMinutes(20)));
    assertThat(kit.count("select count(*) from churn_snapshot")).isEqualTo(1);
    Report later = reports.customers(july, ReportFilter.none(), CallThresholds.defaults());
    assertThat(later.parameters())
        .containsEntry("churnComputedAt", kit.clock.instant().minus(Duration.ofHours(2)));
    // 客戶1 now has 3 recent of 4 before: no longer at risk
    assertThat(later.table("churnRisk").rows())
        .containsExactly(List.of(ids[0], "客戶0", "STANDARD", 30.0, 4L, 2L));
    assertChurnAgrees(raw, july);

    // a contact written late, started before the counts were kept, drops them
    inbound(ids[2], TicketKit.taipei("2026-07-15T09:00"));
    assertThat(kit.count("select count(*) from churn_snapshot")).isZero();
    assertChurnAgrees(raw, july);
    assertThat(reports.customers(july, ReportFilter.none(), CallThresholds.defaults()).parameters())
        .containsEntry("churnComputedAt", kit.clock.instant());
  }

  private void assertChurnAgrees(ReportService raw, ReportPeriod period) {
    for (ReportFilter f :
        List.of(
            ReportFilter.none(),
            new ReportFilter(null, null, null, null, Tier.VIP),
            new ReportFilter(null, null, null, null, Tier.STANDARD))) {
      assertThat(reports.customers(period, f, CallThresholds.defaults()).table("churnRisk").rows())
          .as("%s", f)
          .isEqualTo(raw.customers(period, f, CallThresholds.defaults()).table("churnRisk").rows());
    }
  }

  @Test
  void slaOverAShortAndALongPeriodCountTheSameBreachesAndATierFilterNarrowsTheOpenTickets() {
    long ann = kit.customer("Ann", Tier.STANDARD).id();
    long vip = kit.customer("Vic", Tier.VIP).id();
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, ann, null);
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, vip, null);
    long quick = kit.open(TicketType.FAULT_REPORT, Priority.URGENT, ann, null).id();
    kit.clock.advance(Duration.ofMinutes(10));
    kit.workflow.changeStatus(quick, StatusChange.resolve("fixed"), null);
    kit.clock.advance(Duration.ofMinutes(70));
    kit.monitor().scan();
    assertThat(kit.count("select count(*) from sla_event where kind = 'BREACH'")).isEqualTo(2);

    Report.Table day =
        reports.sla(days("2026-01-05", "2026-01-05"), ReportFilter.none()).table("sla");
    Report.Table forty =
        reports.sla(days("2025-12-01", "2026-01-09"), ReportFilter.none()).table("sla");

    assertThat(forty.rows()).isEqualTo(day.rows());
    assertThat(
            day.rows().stream()
                .mapToLong(r -> (Long) r.get(day.index("firstResponseBreached")))
                .sum())
        .isEqualTo(2L);
    assertThat(
            reports
                .sla(
                    days("2026-01-05", "2026-01-05"),
                    new ReportFilter(null, null, null, null, Tier.VIP))
                .table("timeToBreach")
                .rows())
        .containsExactly(List.of("0-overdue", 1L));
    assertThat(
            reports
                .sla(days("2026-01-05", "2026-01-05"), ReportFilter.none())
                .table("timeToBreach")
                .rows())
        .containsExactly(List.of("0-overdue", 2L));
  }

  @Test
  void vipsNeedingAttentionAreTheVipsWithAnOpenComplaintOrAnOpenBreachedTicketByValue() {
    long[] vip = new long[5];
    for (int i = 0; i < vip.length; i++) {
      vip[i] = kit.customer("貴賓" + i, Tier.VIP).id();
      kit.execute("update customer set value_12m = " + (100 - 10 * i) + " where id = " + vip[i]);
    }
    long standard = kit.customer("Sam", Tier.STANDARD).id();
    kit.execute("update customer set value_12m = 1000 where id = " + standard);
    // 貴賓0: two open complaints and an open urgent fault that will breach
    kit.open(TicketType.COMPLAINT, Priority.NORMAL, vip[0], null);
    kit.open(TicketType.COMPLAINT, Priority.NORMAL, vip[0], null);
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, vip[0], null);
    // 貴賓1: nothing open; 貴賓2: a complaint, resolved; 貴賓3: only a breached open fault
    long resolved = kit.open(TicketType.COMPLAINT, Priority.NORMAL, vip[2], null).id();
    kit.workflow.changeStatus(resolved, StatusChange.resolve("sorted"), null);
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, vip[3], null);
    // 貴賓4: an open complaint; the standard customer too (not a VIP)
    kit.open(TicketType.COMPLAINT, Priority.NORMAL, vip[4], null);
    kit.open(TicketType.COMPLAINT, Priority.NORMAL, standard, null);
    kit.open(TicketType.FAULT_REPORT, Priority.URGENT, standard, null);
    kit.clock.advance(Duration.ofMinutes(90));
    kit.monitor().scan();

    Report r =
        reports.customers(
            days("2026-01-05", "2026-01-05"), ReportFilter.none(), CallThresholds.defaults());

    // after 90 minutes every open ticket of a VIP has breached its first response
    assertThat(
            kit.count(
                "select count(*) from sla_event e join ticket t on t.id = e.ticket_id"
                    + " where e.kind = 'BREACH' and e.target = 'FIRST_RESPONSE'"
                    + " and t.status <> 'RESOLVED' and t.customer_id = "
                    + vip[0]))
        .isEqualTo(3);
    assertThat(r.table("vipAttention").rows())
        .containsExactly(
            List.of(vip[0], "貴賓0", 100.0, 2L, 3L),
            List.of(vip[3], "貴賓3", 70.0, 0L, 1L),
            List.of(vip[4], "貴賓4", 60.0, 1L, 1L));
  }

  private void inbound(long customer, Instant at) {
    kit.db
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "insert into interaction (customer_id, channel, direction, started_at)"
                            + " values (:c, 'PHONE_IN', 'INBOUND', :at)")
                    .bind("c", customer)
                    .bind("at", at)
                    .execute());
  }

  @Test
  void csvHasABomQuotesAndDefusesFormulasAndKeepsChinese() {
    Report r =
        new Report(
            "x",
            Map.of(),
            List.of(),
            List.of(
                new Report.Builder("t")
                    .column("name", Report.Type.TEXT)
                    .column("n", Report.Type.INTEGER)
                    .column("share", Report.Type.RATIO)
                    .row("王小明, \"VIP\"", -3L, 0.25)
                    .row("=HYPERLINK(\"x\")", 1L, null)
                    .row("+1", 2L, 1e-7)
                    .row("@x", 3L, 1.0)
                    .row("-2", 4L, 0.1)
                    .build()));

    String csv = ReportCsv.write(r);

    assertThat(csv)
        .isEqualTo(
            "\uFEFFx.t\r\nname,n,share\r\n\"王小明, \"\"VIP\"\"\",-3,0.25\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",1,\r\n'+1,2,0.0000001\r\n'@x,3,1\r\n'-2,4,0.1\r\n");
  }
}
