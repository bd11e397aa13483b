package dev.callcenter.helpdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.CallRecord.Outcome;
import dev.callcenter.helpdesk.ticket.TicketKit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rollups (ADR 0023) give the same reports as the raw rows: a generated week of calls and agent
 * states written through the fact writer, compared in several zones, buckets, filters and
 * thresholds; a rebuild from the raw rows gives the rollup the writer kept; facts written after a
 * rebuild update it.
 */
class ReportRollupTest {

  private static final LocalDate FIRST = LocalDate.of(2026, 10, 23);
  private static final LocalDate LAST = LocalDate.of(2026, 10, 27); // Berlin's clocks go back 10-25
  private static final String[] QUEUES = {"support", "sales", "billing"};
  private static final String[] REASONS = {"lunch", "break", "training"};

  private final TicketKit kit = new TicketKit();
  private final ReportFacts facts = kit.helpdesk.reportFacts();
  private final ReportRollups rollups = kit.helpdesk.reportRollups();
  private final ReportService rolled = kit.helpdesk.reports();
  private final ReportService raw =
      new ReportService(new JdbiReportQueries(kit.db.jdbi(), false), kit.clock);
  private final long[] agents = {kit.agent("Ann"), kit.agent("Bob"), kit.agent("Cat")};
  private final long[] customers = {
    kit.customer("Ada", Tier.VIP).id(),
    kit.customer("Ben", Tier.STANDARD).id(),
    kit.customer("Cy", Tier.STANDARD).id()
  };
  private final Random random = new Random(16);
  private int calls;

  {
    kit.execute(
        "insert into team (key, name, default_capacity, created_at, updated_at)"
            + " values ('front', 'Front', 10, now(), now())");
    kit.execute(
        "insert into team_member (team_key, user_id, present) values ('front', "
            + agents[0]
            + ", true), ('front', "
            + agents[1]
            + ", true)");
    // "now" is after the data; each agent's last state is still running and counts until then
    kit.clock.set(Instant.parse("2026-11-20T00:00:00Z"));
  }

  @AfterEach
  void close() {
    kit.close();
  }

  @Test
  void rollupAndRawRowsGiveTheSameReportsInEveryZoneBucketAndFilter() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(Duration.ofHours(14)), 6);

    assertAgree();
  }

  @Test
  void aRebuildFromTheRawRowsGivesTheRollupTheWriterKeptAndLaterFactsUpdateIt() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant(), 3);
    List<Map<String, Object>> kept = snapshot();
    assertThat(kept).isNotEmpty();
    assertThat(kit.count("select count(distinct shard) from call_rollup"))
        .as("the writer spreads calls over shards")
        .isGreaterThan(1);

    ReportRollups.Rebuilt r = rollups.rebuild();

    assertThat(snapshot()).isEqualTo(kept);
    assertThat(r.callRows()).isEqualTo(kit.count("select count(*) from call_rollup"));
    assertThat(kit.count("select count(distinct shard) from call_rollup"))
        .as("a rebuild writes one row per slot and key")
        .isEqualTo(1);
    assertThat(r.stateRows()).isEqualTo(kit.count("select count(*) from agent_state_rollup"));

    // After the rebuild: more calls (repeat callers among them) and states, from the writer.
    long before = kit.count("select coalesce(sum(offered), 0) from call_rollup where grain = 'Q'");
    generate(LAST.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(Duration.ofHours(30)), 2);
    assertThat(kit.count("select coalesce(sum(offered), 0) from call_rollup where grain = 'Q'"))
        .isGreaterThan(before);
    assertAgree(
        List.of(
            new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.DAY),
            new ReportPeriod(LAST.minusDays(1), LAST, ZoneId.of("Europe/Berlin"), Bucket.HOUR)));
    List<Map<String, Object>> updated = snapshot();
    rollups.rebuild();
    assertThat(snapshot()).isEqualTo(updated);
  }

  @Test
  void aRebuildRepairsARollupThatFellOutOfStep() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant(), 2);
    List<Map<String, Object>> kept = snapshot();
    kit.execute("delete from call_rollup where grain = 'A'");
    kit.execute("update agent_state_rollup set available_us = 0");
    kit.execute("update call_record set next_offer_at = null");

    rollups.rebuild();

    assertThat(snapshot()).isEqualTo(kept);
    assertAgree(List.of(new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.HOUR)));
  }

  @Test
  void aLongPeriodTakesP90FromTheHistogramAsTheUpperEdgeOfTheExactValuesBin() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant(), 4);
    ReportPeriod forty =
        new ReportPeriod(
            FIRST.minusDays(20), FIRST.plusDays(19), ZoneId.of("Asia/Taipei"), Bucket.DAY);
    Report r = rolled.calls(forty, ReportFilter.none(), CallThresholds.defaults());
    Report x = raw.calls(forty, ReportFilter.none(), CallThresholds.defaults());
    assertThat(r.parameters())
        .containsEntry("callSource", "rollup")
        .containsEntry("ahtP90", "histogram");

    Report.Table rs = r.table("series");
    Report.Table xs = x.table("series");
    int p90 = rs.index("ahtP90Seconds");
    int checked = 0;
    for (int i = 0; i < rs.rows().size(); i++) {
      List<Object> a = new ArrayList<>(rs.rows().get(i));
      List<Object> b = new ArrayList<>(xs.rows().get(i));
      Double exact = (Double) b.get(p90);
      Double binned = (Double) a.get(p90);
      if (exact == null) {
        assertThat(binned).isNull();
      } else {
        int bin = RollupPlan.bin(exact.longValue());
        int upper =
            bin + 1 < RollupPlan.BINS
                ? RollupPlan.HANDLE_BIN_LOWER[bin + 1]
                : RollupPlan.HANDLE_BIN_LOWER[bin];
        assertThat(binned).isEqualTo((double) upper);
        assertThat(binned).isGreaterThanOrEqualTo(exact);
        checked++;
      }
      a.set(p90, null);
      b.set(p90, null);
      assertThat(a).isEqualTo(b);
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aPeriodOffTheQuarterHoursAThresholdNotKeptAndAQueueWithAnAgentReadTheRawRows() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant(), 2);
    // Monrovia kept -0:44:30 until 1972: its midnights are not on UTC quarter hours.
    ReportPeriod monrovia =
        new ReportPeriod(
            LocalDate.of(1970, 1, 1),
            LocalDate.of(1970, 1, 2),
            ZoneId.of("Africa/Monrovia"),
            Bucket.DAY);
    assertThat(rolled.calls(monrovia, ReportFilter.none(), CallThresholds.defaults()).parameters())
        .containsEntry("callSource", "raw")
        .containsEntry("rawReason", "periodNotOnQuarterHours");
    ReportPeriod week = new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.DAY);
    assertThat(rolled.calls(week, ReportFilter.none(), new CallThresholds(25, 5)).parameters())
        .containsEntry("rawReason", "thresholdNotKept");
    assertThat(
            rolled
                .calls(
                    week,
                    new ReportFilter("support", null, agents[0], null, null),
                    CallThresholds.defaults())
                .parameters())
        .containsEntry("rawReason", "filterCombination");
    assertThat(rolled.calls(week, ReportFilter.none(), CallThresholds.defaults()).parameters())
        .containsEntry("callSource", "rollup")
        .containsEntry("ahtP90", "exact");
    // Kathmandu is +5:45, still on quarter hours
    assertThat(
            rolled
                .calls(
                    new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Kathmandu"), Bucket.HOUR),
                    ReportFilter.none(),
                    CallThresholds.defaults())
                .parameters())
        .containsEntry("callSource", "rollup");
  }

  @Test
  void teamRowsFollowTheMembersWhenAnAgentMovesJoinsASecondTeamOrLeaves() {
    generate(FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant(), 3);
    assertThat(kit.count("select count(*) from call_rollup where grain = 'T' and team = 'front'"))
        .as("the writer keeps the team rows")
        .isPositive();
    var teams = kit.helpdesk.teams();
    teams.create(new dev.callcenter.helpdesk.assignment.TeamDraft("back", "Back", 10));
    var member = new dev.callcenter.helpdesk.assignment.MemberDraft(List.of(), null);
    // Bob moves from front to back, Cat joins back, Ann is in both
    teams.removeMember("front", agents[1]);
    teams.putMember("back", agents[1], member);
    teams.putMember("back", agents[2], member);
    teams.putMember("back", agents[0], member);
    // a change of skills is no change of membership
    teams.putMember(
        "back",
        agents[0],
        new dev.callcenter.helpdesk.assignment.MemberDraft(List.of("billing"), 3));
    assertTeamsAgree();

    // calls written after the moves go to the new teams; then Ann leaves front (empty now)
    generate(LAST.atStartOfDay(ZoneId.of("UTC")).toInstant().minus(Duration.ofHours(30)), 1);
    teams.removeMember("front", agents[0]);
    assertTeamsAgree();
    assertThat(
            kit.count(
                "select count(*) from (select slot from call_rollup where grain = 'T' and"
                    + " team = 'front' group by slot having sum(offered) <> 0"
                    + " or sum(handled) <> 0 or sum(h05) <> 0) x"))
        .as("the team without members sums to zero in every slot")
        .isZero();
    // a membership changed in SQL (an import, an operator) moves the share too
    kit.execute(
        "update team_member set team_key = 'front' where team_key = 'back' and user_id = "
            + agents[2]);
    assertTeamsAgree();

    // and a rebuild gives the team rows the trigger and the writer kept
    List<Map<String, Object>> kept = snapshot();
    rollups.rebuild();
    assertThat(dropZeroTeamRows(snapshot())).isEqualTo(dropZeroTeamRows(kept));
  }

  private void assertTeamsAgree() {
    for (ReportPeriod p :
        List.of(
            new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.DAY),
            new ReportPeriod(
                FIRST.minusDays(20), FIRST.plusDays(19), ZoneId.of("Asia/Taipei"), Bucket.WEEK),
            new ReportPeriod(
                FIRST.plusDays(1), FIRST.plusDays(3), ZoneId.of("Europe/Berlin"), Bucket.HOUR))) {
      for (String team : List.of("front", "back")) {
        ReportFilter f = new ReportFilter(null, team, null, null, null);
        Report r = rolled.calls(p, f, CallThresholds.defaults());
        assertThat(r.parameters()).containsEntry("callSource", "rollup");
        if (RollupPlan.exactP90(p)) {
          // (over 31 days p90 comes from the histogram: checked by the sums below)
          same(r, raw.calls(p, f, CallThresholds.defaults()), p, f, null);
        }
        same(rolled.satisfaction(p, f), raw.satisfaction(p, f), p, f, null);
        same(rolled.agents(p, f), raw.agents(p, f), p, f, null);
        // the team rows against the members' agent rows, histogram included
        assertThat(teamSums(team, p)).as("%s %s", team, p).isEqualTo(memberSums(team, p));
      }
    }
  }

  private Map<String, Object> teamSums(String team, ReportPeriod p) {
    return sums("grain = 'T' and team = '" + team + "'", p);
  }

  private Map<String, Object> memberSums(String team, ReportPeriod p) {
    return sums(
        "grain = 'A' and agent_id in (select user_id from team_member where team_key = '"
            + team
            + "')",
        p);
  }

  private Map<String, Object> sums(String where, ReportPeriod p) {
    return kit.db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select "
                            + JdbiReportRollups.CALL_MEASURES.stream()
                                .map(c -> "coalesce(sum(" + c + "), 0) as " + c)
                                .collect(java.util.stream.Collectors.joining(", "))
                            + " from call_rollup where "
                            + where
                            + " and slot >= :from and slot < :to")
                    .bind("from", p.start())
                    .bind("to", p.end())
                    .mapToMap()
                    .one());
  }

  /** Rows whose measures are all zero (a member's share taken out) are no data. */
  private static List<Map<String, Object>> dropZeroTeamRows(List<Map<String, Object>> rows) {
    return rows.stream()
        .filter(
            r ->
                !"T".equals(String.valueOf(r.get("grain")))
                    || JdbiReportRollups.CALL_MEASURES.stream()
                        .anyMatch(c -> ((Number) r.get(c)).longValue() != 0))
        .toList();
  }

  // ------------------------------------------------------------------

  private void assertAgree() {
    assertAgree(
        List.of(
            new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.DAY),
            new ReportPeriod(
                FIRST.plusDays(2),
                FIRST.plusDays(2),
                ZoneId.of("Asia/Taipei"),
                Bucket.QUARTER_HOUR),
            // the day with 25 hours, and the days around it
            new ReportPeriod(
                FIRST.plusDays(1), FIRST.plusDays(3), ZoneId.of("Europe/Berlin"), Bucket.HOUR),
            new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Kolkata"), Bucket.DAY),
            new ReportPeriod(
                FIRST.plusDays(1),
                FIRST.plusDays(1),
                ZoneId.of("Asia/Kolkata"),
                Bucket.QUARTER_HOUR),
            new ReportPeriod(
                FIRST.minusDays(3), LAST.plusDays(3), ZoneId.of("Asia/Taipei"), Bucket.WEEK)));
  }

  private void assertAgree(List<ReportPeriod> periods) {
    List<ReportFilter> filters =
        List.of(
            ReportFilter.none(),
            new ReportFilter("support", null, null, null, null),
            new ReportFilter(null, null, null, null, Tier.VIP),
            new ReportFilter("sales", null, null, null, Tier.STANDARD),
            new ReportFilter(null, null, agents[0], null, null),
            new ReportFilter(null, "front", null, null, null),
            new ReportFilter("billing", "front", null, null, null));
    List<CallThresholds> thresholds =
        List.of(new CallThresholds(30, 3), new CallThresholds(45, 0), new CallThresholds(25, 5));
    CallThresholds defaults = CallThresholds.defaults();
    for (ReportPeriod p : periods) {
      for (ReportFilter f : filters) {
        same(rolled.calls(p, f, defaults), raw.calls(p, f, defaults), p, f, defaults);
        same(rolled.agents(p, f), raw.agents(p, f), p, f, null);
        same(rolled.satisfaction(p, f), raw.satisfaction(p, f), p, f, null);
      }
      for (CallThresholds t : thresholds) {
        same(
            rolled.calls(p, ReportFilter.none(), t),
            raw.calls(p, ReportFilter.none(), t),
            p,
            null,
            t);
      }
      for (ReportFilter f : List.of(ReportFilter.none(), filters.get(5))) {
        same(rolled.customers(p, f, defaults), raw.customers(p, f, defaults), p, f, defaults);
      }
    }
    // the data is not empty where it is compared
    Report week =
        raw.calls(
            new ReportPeriod(FIRST, LAST, ZoneId.of("Asia/Taipei"), Bucket.DAY),
            ReportFilter.none(),
            defaults);
    assertThat((Long) week.table("summary").rows().getFirst().get(0)).isGreaterThan(50L);
  }

  private static void same(Report a, Report b, ReportPeriod p, ReportFilter f, CallThresholds t) {
    assertThat(a.tables())
        .as("%s %s %s %s (%s)", a.name(), p, f, t, a.parameters().get("callSource"))
        .isEqualTo(b.tables());
  }

  private List<Map<String, Object>> snapshot() {
    List<Map<String, Object>> rows =
        new ArrayList<>(
            kit.db
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                // the writer spreads a slot over shards, a rebuild does not: the
                                // sums per slot must agree
                                "select grain, slot, agent_id, queue, tier, team, "
                                    + JdbiReportRollups.CALL_MEASURES.stream()
                                        .map(c -> "sum(" + c + ") as " + c)
                                        .collect(java.util.stream.Collectors.joining(", "))
                                    + " from call_rollup group by grain, slot, agent_id, queue,"
                                    + " tier, team order by grain, slot, agent_id, queue, tier,"
                                    + " team")
                            .mapToMap()
                            .list()));
    rows.addAll(
        kit.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select * from agent_state_rollup order by slot, user_id, reason")
                        .mapToMap()
                        .list()));
    rows.addAll(
        kit.db
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select id, next_offer_at from call_record order by id")
                        .mapToMap()
                        .list()));
    return rows;
  }

  /**
   * Each agent's day from {@code start} for {@code days} days: available, ringing, a call (its
   * record written at hang-up, then wrap-up naming it), pauses with reasons, logged out at night;
   * abandons and timeouts in between; now and then a transfer to another agent's queue.
   */
  private void generate(Instant start, int days) {
    Instant end = start.plus(Duration.ofDays(days));
    for (int a = 0; a < agents.length; a++) {
      long agent = agents[a];
      Instant t = start.plusSeconds(random.nextInt(3600) + 0L);
      while (t.isBefore(end)) {
        int roll = random.nextInt(100);
        if (roll < 5) {
          facts.agentState(agent, "LOGGED_OUT", null, null, t);
          t = t.plusSeconds(3600 + random.nextInt(6 * 3600));
          continue;
        }
        if (roll < 15) {
          facts.agentState(agent, "PAUSED", REASONS[random.nextInt(REASONS.length)], null, t);
          t = t.plusSeconds(300 + random.nextInt(3600));
          continue;
        }
        Instant available = t;
        t = t.plusSeconds(random.nextInt(3600)).plusMillis(random.nextInt(1000));
        String id = "call-" + ++calls;
        int wait = random.nextInt(90);
        int ring = 1 + random.nextInt(10);
        Instant answered = t.plusSeconds(ring);
        List<StateChange> burst =
            List.of(
                new StateChange("AVAILABLE", null, null, available),
                new StateChange("RINGING", null, id, t),
                new StateChange("ON_CALL", null, id, answered));
        if (a % 2 == 1) {
          // as the gateway writes changes that queued up meanwhile: together
          facts.agentStates(agent, burst);
        } else {
          burst.forEach(c -> facts.agentState(agent, c.state(), c.reason(), c.callId(), c.at()));
        }
        int talk = 5 + (int) Math.min(9000, Math.exp(3 + 3 * random.nextDouble()));
        Instant hangUp = answered.plusSeconds(talk);
        long customer = random.nextInt(4) == 0 ? 0 : customers[random.nextInt(customers.length)];
        Tier tier = customer == customers[0] ? Tier.VIP : Tier.STANDARD;
        boolean out = random.nextInt(8) == 0;
        String queue = QUEUES[random.nextInt(QUEUES.length)];
        facts.recordCall(
            new CallRecord(
                id,
                queue,
                customer == 0 ? null : customer,
                tier,
                answered.minusSeconds(wait),
                answered,
                hangUp,
                Outcome.ANSWERED,
                wait,
                talk,
                random.nextInt(30),
                agent,
                false,
                out));
        if (out) {
          long other = agents[(a + 1) % agents.length];
          int talk2 = 20 + random.nextInt(600);
          facts.recordCall(
              new CallRecord(
                  id,
                  "billing",
                  customer == 0 ? null : customer,
                  tier,
                  hangUp,
                  hangUp.plusSeconds(7),
                  hangUp.plusSeconds(7 + talk2),
                  Outcome.ANSWERED,
                  7,
                  talk2,
                  0,
                  other,
                  true,
                  false));
        }
        facts.agentState(agent, "WRAP_UP", null, id, hangUp);
        t = hangUp.plusSeconds(5 + random.nextInt(120));
        if (random.nextInt(3) == 0) {
          // someone gave up waiting, or the queue timed out
          boolean timeout = random.nextInt(4) == 0;
          int w = timeout ? 300 : random.nextInt(40);
          Instant offered = hangUp.minusSeconds(random.nextInt(600));
          facts.recordCall(
              new CallRecord(
                  "call-" + ++calls,
                  QUEUES[random.nextInt(QUEUES.length)],
                  random.nextBoolean() ? null : customers[random.nextInt(customers.length)],
                  random.nextBoolean() ? Tier.VIP : Tier.STANDARD,
                  offered,
                  null,
                  offered.plusSeconds(w),
                  timeout ? Outcome.UNANSWERED : Outcome.ABANDONED,
                  w,
                  null,
                  null,
                  null,
                  false,
                  false));
        }
      }
    }
  }
}
