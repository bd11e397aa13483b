package dev.callcenter.bench;

import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.report.Bucket;
import dev.callcenter.helpdesk.report.CallThresholds;
import dev.callcenter.helpdesk.report.ComplaintSpikes;
import dev.callcenter.helpdesk.report.JdbiReportQueries;
import dev.callcenter.helpdesk.report.JdbiReportRollups;
import dev.callcenter.helpdesk.report.ReportFilter;
import dev.callcenter.helpdesk.report.ReportPeriod;
import dev.callcenter.helpdesk.report.ReportRollups;
import dev.callcenter.helpdesk.report.ReportService;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code bench/run reports}: one year of a 50-agent call center (about a million calls, 300,000
 * tickets, surveys, IVR journeys, callbacks, agent states) bulk-loaded with COPY into a database of
 * its own, then every report timed over the year, a month and a day.
 */
final class ReportBench {

  private static final ZoneId ZONE = ZoneId.of("Asia/Taipei");
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
  private static final String[] QUEUES = {"support", "sales", "billing"};
  private static final String[] PRODUCTS = {
    "Router X1",
    "Router X2",
    "Modem M3",
    "Mesh W5",
    "Set-top S1",
    "Phone P2",
    "Camera C4",
    "Switch K8",
    "Gateway G1",
    "App"
  };
  private static final String[] CAUSES = {
    "billing", "late-visit", "rude", "defect", "outage", "wait-time", "install", "refund"
  };

  private ReportBench() {}

  static void run(BenchDatabase bench, int agents, int customers, int tickets, boolean regenerate)
      throws Exception {
    if (regenerate) {
      // From scratch: a fresh database gets every index from the migrations again.
      bench
          .database()
          .jdbi()
          .useHandle(h -> h.execute("drop database if exists reports with (force)"));
    }
    try (Database db = bench.open("reports", 8)) {
      // Tickets are loaded last: without them an earlier generation did not finish.
      long existing = count(db, "select count(*) from ticket");
      if (existing == 0 || regenerate) {
        long t0 = System.nanoTime();
        new Generator(db, agents, customers, tickets).generate();
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.println(
            "reusing the generated year in bench/target/pg (-DreportsRegenerate=true to rebuild)");
      }
      // The year is loaded with COPY, past the writer that keeps the rollups: rebuild them from
      // the raw rows, as an operator would after a bulk load (ADR 0023).
      if (count(db, "select count(*) from call_rollup") == 0
          || Boolean.getBoolean("reportsRebuild")) {
        ReportRollups.Rebuilt r = new JdbiReportRollups(db.jdbi()).rebuild();
        System.out.printf(
            "rollups rebuilt from the raw rows in %.1f s: %,d call rows, %,d agent-state rows%n",
            r.took().toMillis() / 1e3, r.callRows(), r.stateRows());
        db.jdbi().useHandle(h -> h.execute("analyze call_rollup, agent_state_rollup, call_record"));
      }
      for (String table :
          List.of(
              "call_rollup",
              "agent_state_rollup",
              "call_record",
              "agent_state_log",
              "ticket",
              "sla_event",
              "survey_answer",
              "ivr_journey",
              "follow_up",
              "interaction",
              "customer")) {
        System.out.printf(
            "  %-16s %,10d rows%n", table, count(db, "select count(*) from " + table));
      }
      time(db);
    }
  }

  private static void time(Database db) {
    ReportService reports =
        new ReportService(
            new JdbiReportQueries(db.jdbi()),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    record Span(String name, LocalDate from, LocalDate to, Bucket bucket) {}
    List<Span> spans =
        List.of(
            new Span("year", FIRST, LAST, Bucket.DAY),
            new Span("month", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), Bucket.DAY),
            new Span("day", LocalDate.of(2025, 6, 18), LocalDate.of(2025, 6, 18), Bucket.HOUR));
    int runs = Integer.getInteger("reportRuns", 5);
    System.out.printf(
        "%-14s %-6s %10s %10s   (ms, %d runs after one warm-up; one client)%n",
        "report", "period", "median", "min", runs);
    for (String name : ReportService.NAMES) {
      for (Span s : spans) {
        ReportService.Request r =
            new ReportService.Request(
                name,
                new ReportPeriod(s.from(), s.to(), ZONE, s.bucket()),
                ReportFilter.none(),
                CallThresholds.defaults(),
                ComplaintSpikes.DEFAULT);
        reports.run(r);
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          reports.run(r);
          ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(
            "%-14s %-6s %10.1f %10.1f%n", name, s.name(), ns[runs / 2] / 1e6, ns[0] / 1e6);
      }
    }
    // The same year from the raw rows (rollups off), in the same run: the rollups' gain measured
    // in the same conditions.
    ReportService rawReports =
        new ReportService(
            new JdbiReportQueries(db.jdbi(), false),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    for (String name : List.of("calls", "agents", "satisfaction", "customers")) {
      ReportService.Request r =
          new ReportService.Request(
              name,
              new ReportPeriod(FIRST, LAST, ZONE, Bucket.DAY),
              ReportFilter.none(),
              CallThresholds.defaults(),
              ComplaintSpikes.DEFAULT);
      rawReports.run(r);
      long[] ns = new long[3];
      for (int i = 0; i < ns.length; i++) {
        long t0 = System.nanoTime();
        rawReports.run(r);
        ns[i] = System.nanoTime() - t0;
      }
      Arrays.sort(ns);
      System.out.printf(
          "%-14s %-6s %10.1f %10.1f  (raw rows, rollups off; 3 runs)%n",
          name, "year", ns[1] / 1e6, ns[0] / 1e6);
    }
    // A filtered variant: one agent over the year (index on agent_id, offered_at).
    ReportService.Request oneAgent =
        new ReportService.Request(
            "calls",
            new ReportPeriod(FIRST, LAST, ZONE, Bucket.WEEK),
            new ReportFilter(null, null, firstAgent(db), null, null),
            null,
            null);
    reports.run(oneAgent);
    long t0 = System.nanoTime();
    reports.run(oneAgent);
    System.out.printf(
        "%-14s %-6s %10.1f  (one agent, weekly)%n",
        "calls", "year", (System.nanoTime() - t0) / 1e6);
    // Filters the rollup serves (queue, team) and one it does not (queue and agent: raw rows).
    record Filtered(String label, ReportFilter filter, CallThresholds thresholds) {}
    for (Filtered f :
        List.of(
            new Filtered(
                "queue support", new ReportFilter("support", null, null, null, null), null),
            new Filtered(
                "team rb-front", new ReportFilter(null, "rb-front", null, null, null), null),
            new Filtered(
                "queue + agent (raw)",
                new ReportFilter("support", null, firstAgent(db), null, null),
                null),
            new Filtered("T = 25 s (raw)", ReportFilter.none(), new CallThresholds(25, 5)))) {
      ReportService.Request r =
          new ReportService.Request(
              "calls",
              new ReportPeriod(FIRST, LAST, ZONE, Bucket.DAY),
              f.filter(),
              f.thresholds(),
              null);
      reports.run(r);
      long t1 = System.nanoTime();
      reports.run(r);
      System.out.printf(
          "%-14s %-6s %10.1f  (%s, daily)%n",
          "calls", "year", (System.nanoTime() - t1) / 1e6, f.label());
    }
    // The customers report's churn counts are kept per period end (V25, V27): the first request
    // for a day pays for counting them; for a day not over yet the contacts since are added when
    // read (the clock above is 2026-01-01 00:00 UTC, 08:00 in Taipei).
    ReportService.Request past =
        new ReportService.Request(
            "customers",
            new ReportPeriod(
                LocalDate.of(2025, 6, 18), LocalDate.of(2025, 6, 18), ZONE, Bucket.HOUR),
            null,
            null,
            null);
    ReportService.Request today =
        new ReportService.Request(
            "customers",
            new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ZONE, Bucket.HOUR),
            null,
            null,
            null);
    // A first request: no snapshot kept (dropped before each run), the code warm.
    for (var r : List.of(past, today)) {
      long[] first = new long[runs];
      for (int i = 0; i < runs; i++) {
        db.jdbi().useHandle(h -> h.execute("delete from churn_snapshot"));
        long t = System.nanoTime();
        reports.run(r);
        first[i] = System.nanoTime() - t;
      }
      Arrays.sort(first);
      System.out.printf(
          "%-14s %-6s %10.1f %10.1f  (%s, first request: churn counted and kept)%n",
          "customers",
          "day",
          first[runs / 2] / 1e6,
          first[0] / 1e6,
          r == past ? "2025-06-18" : "today");
    }
    long[] ns = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t3 = System.nanoTime();
      reports.run(today);
      ns[i] = System.nanoTime() - t3;
    }
    Arrays.sort(ns);
    System.out.printf(
        "%-14s %-6s %10.1f %10.1f  (today, later requests: kept counts + contacts since)%n",
        "customers", "day", ns[runs / 2] / 1e6, ns[0] / 1e6);
  }

  private static long firstAgent(Database db) {
    return count(db, "select min(id) from app_user where username like 'rb-agent%'");
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  /** Builds the year as CSV text in chunks and COPYs it in, indexes dropped and rebuilt after. */
  private static final class Generator {
    private final Database db;
    private final int agents;
    private final int customers;
    private final int tickets;
    private final Random random = new Random(42);
    private long[] agentIds;
    private long firstCustomer;
    private long callSeq;

    Generator(Database db, int agents, int customers, int tickets) {
      this.db = db;
      this.agents = agents;
      this.customers = customers;
      this.tickets = tickets;
    }

    void generate() throws Exception {
      try (Connection c = db.dataSource().getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute(
              "truncate call_record, agent_state_log, sla_event, survey_answer, ivr_step,"
                  + " ivr_journey, follow_up, interaction_ticket, interaction, ticket_audit,"
                  + " ticket_comment, ticket_sla_pause, ticket, team_member, team, agent_device,"
                  + " customer_phone, customer cascade");
          s.execute("delete from app_user where username like 'rb-%'");
        }
        List<String> indexes = dropIndexes(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        users(c);
        customers(copy, c);
        year(copy);
        tickets(copy, c);
        try (Statement s = c.createStatement()) {
          for (String ddl : indexes) {
            s.execute(ddl);
          }
          s.execute("analyze");
        }
      }
    }

    /** Secondary indexes of the loaded tables; COPY is several times faster without them. */
    private List<String> dropIndexes(Connection c) throws SQLException {
      List<String> ddl = new ArrayList<>();
      List<String> names = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select i.indexname, i.indexdef from pg_indexes i where i.schemaname = 'public'"
                      + " and i.tablename in ('call_record', 'agent_state_log', 'ticket',"
                      + " 'survey_answer', 'ivr_journey', 'follow_up', 'interaction') and not"
                      + " exists (select 1 from pg_constraint k where k.conname = i.indexname)")) {
        while (rs.next()) {
          names.add(rs.getString(1));
          ddl.add(rs.getString(2));
        }
      }
      try (Statement s = c.createStatement()) {
        for (String n : names) {
          s.execute("drop index " + n);
        }
      }
      return ddl;
    }

    private void users(Connection c) throws SQLException {
      agentIds = new long[agents];
      try (Statement s = c.createStatement()) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        s.execute(
            "insert into team (key, name, default_capacity, created_at, updated_at) values"
                + " ('rb-front', 'Front line', 20, '"
                + now
                + "', '"
                + now
                + "'),"
                + " ('rb-second', 'Second line', 20, '"
                + now
                + "', '"
                + now
                + "')");
        for (int i = 0; i < agents; i++) {
          try (ResultSet rs =
              s.executeQuery(
                  "insert into app_user (username, display_name, password_hash, roles) values"
                      + " ('rb-agent"
                      + i
                      + "', '座席 "
                      + i
                      + "', 'x', '{AGENT}') returning id")) {
            rs.next();
            agentIds[i] = rs.getLong(1);
          }
          s.execute(
              "insert into agent_device (user_id, interface, queues) values ("
                  + agentIds[i]
                  + ", 'PJSIP/"
                  + (2000 + i)
                  + "', '{support,sales,billing}')");
          s.execute(
              "insert into team_member (team_key, user_id, present) values ('"
                  + (i % 3 == 0 ? "rb-second" : "rb-front")
                  + "', "
                  + agentIds[i]
                  + ", true)");
        }
      }
    }

    /** Values fall with rank like a Pareto curve; the top tenth is VIP. */
    private void customers(CopyManager copy, Connection c) throws Exception {
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= customers; i++) {
        double value = Math.round(2_000_000.0 / Math.pow(i, 0.95) * 100) / 100.0;
        b.append("PERSON,客戶 ")
            .append(i)
            .append(",zh-TW,")
            .append(value)
            .append(',')
            .append(i <= customers / 10 ? "VIP" : "STANDARD")
            .append('\n');
      }
      copy.copyIn(
          "copy customer (kind, name, language, value_12m, tier) from stdin (format csv)",
          new StringReader(b.toString()));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select min(id) from customer")) {
        rs.next();
        firstCustomer = rs.getLong(1);
      }
    }

    /** A caller: 70 % identified, the valuable ones calling more often. */
    private long customer() {
      double u = random.nextDouble();
      return firstCustomer + (long) (customers * u * u * u);
    }

    private String tier(long customer) {
      return customer - firstCustomer < customers / 10 ? "VIP" : "STANDARD";
    }

    private double exp(double mean) {
      return -mean * Math.log(1 - random.nextDouble());
    }

    private final StringBuilder calls = new StringBuilder();
    private final StringBuilder states = new StringBuilder();
    private final StringBuilder surveys = new StringBuilder();
    private final StringBuilder journeys = new StringBuilder();
    private final StringBuilder followUps = new StringBuilder();
    private final StringBuilder interactions = new StringBuilder();

    private void year(CopyManager copy) throws Exception {
      Instant[] lastState = new Instant[agents];
      for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
        boolean weekend = d.getDayOfWeek().getValue() >= 6;
        int working = weekend ? Math.max(1, agents * 3 / 10) : agents;
        for (int a = 0; a < working; a++) {
          Instant start = d.atTime(a % 2 == 0 ? 8 : 13, 0).atZone(ZONE).toInstant();
          shift(a, start, start.plusSeconds(8 * 3600), lastState);
        }
        if (calls.length() > 8_000_000) {
          flush(copy);
        }
      }
      flush(copy);
    }

    private void state(
        int a, String state, String reason, String callId, Instant from, Instant to) {
      states
          .append(agentIds[a])
          .append(',')
          .append(state)
          .append(',')
          .append(reason == null ? "" : reason)
          .append(',')
          .append(callId == null ? "" : callId)
          .append(',')
          .append(from)
          .append(',')
          .append(to == null ? "" : to.toString())
          .append('\n');
    }

    private void shift(int a, Instant start, Instant end, Instant[] lastState) {
      if (lastState[a] != null) {
        state(a, "LOGGED_OUT", null, null, lastState[a], start);
      }
      Instant t = start;
      Instant breakAt = start.plusSeconds(2 * 3600);
      Instant lunchAt = start.plusSeconds(4 * 3600);
      boolean hadBreak = false;
      boolean hadLunch = false;
      while (t.isBefore(end)) {
        if (!hadBreak && !t.isBefore(breakAt)) {
          state(a, "PAUSED", "break", null, t, t.plusSeconds(900));
          t = t.plusSeconds(900);
          hadBreak = true;
          continue;
        }
        if (!hadLunch && !t.isBefore(lunchAt)) {
          state(a, "PAUSED", "lunch", null, t, t.plusSeconds(1800));
          t = t.plusSeconds(1800);
          hadLunch = true;
          continue;
        }
        long idle = (long) exp(90);
        long ring = 3 + random.nextInt(8);
        long talk =
            Math.max(20, Math.min(3600, (long) (Math.exp(5.4 + 0.6 * random.nextGaussian()))));
        long wrap = 10 + random.nextInt(51);
        String id = "rb-" + (++callSeq);
        Instant ringAt = t.plusSeconds(idle);
        Instant answered = ringAt.plusSeconds(ring);
        Instant ended = answered.plusSeconds(talk);
        Instant wrapEnd = ended.plusSeconds(wrap);
        state(a, "AVAILABLE", null, null, t, ringAt);
        state(a, "RINGING", null, id, ringAt, answered);
        state(a, "ON_CALL", null, id, answered, ended);
        state(a, "WRAP_UP", null, id, ended, wrapEnd);
        long wait = Math.min(600, (long) exp(18)) + ring;
        boolean known = random.nextInt(10) < 7;
        long customer = known ? customer() : 0;
        boolean transfer = random.nextInt(100) < 3;
        String queue = QUEUES[random.nextInt(QUEUES.length)];
        call(
            id,
            queue,
            customer,
            answered.minusSeconds(wait),
            answered,
            ended,
            "ANSWERED",
            wait,
            talk,
            random.nextInt(10) == 0 ? random.nextInt(60) : 0,
            wrap,
            agentIds[a],
            false,
            transfer);
        if (transfer) {
          long talk2 = 60 + random.nextInt(240);
          call(
              id,
              "billing",
              customer,
              ended,
              ended.plusSeconds(12),
              ended.plusSeconds(12 + talk2),
              "ANSWERED",
              12,
              talk2,
              0,
              20,
              agentIds[random.nextInt(agents)],
              true,
              false);
        }
        extras(id, queue, customer, answered, ended, a);
        if (random.nextInt(100) < 9) {
          // An abandon (a quarter within 5 s) or a timeout somewhere in this stretch.
          boolean timeout = random.nextInt(9) == 0;
          long w = timeout ? 300 : random.nextInt(4) == 0 ? random.nextInt(5) : 5 + (long) exp(40);
          Instant offered = t.plusSeconds(random.nextInt((int) Math.max(1, idle + talk)));
          long c2 = random.nextInt(10) < 7 ? customer() : 0;
          String id2 = "rb-" + (++callSeq);
          call(
              id2,
              queue,
              c2,
              offered,
              null,
              offered.plusSeconds(w),
              timeout ? "UNANSWERED" : "ABANDONED",
              w,
              -1,
              0,
              0,
              0,
              false,
              false);
          if (c2 != 0 && random.nextInt(3) == 0) {
            followUp(c2, agentIds[a], offered.plusSeconds(w));
          }
        }
        t = wrapEnd;
      }
      lastState[a] = t;
    }

    private void call(
        String id,
        String queue,
        long customer,
        Instant offered,
        Instant answered,
        Instant ended,
        String outcome,
        long wait,
        long talk,
        long hold,
        long wrap,
        long agent,
        boolean in,
        boolean out) {
      calls
          .append(id)
          .append(',')
          .append(queue)
          .append(',')
          .append(customer == 0 ? "" : Long.toString(customer))
          .append(',')
          .append(customer == 0 ? "STANDARD" : tier(customer))
          .append(',')
          .append(offered)
          .append(',')
          .append(answered == null ? "" : answered.toString())
          .append(',')
          .append(ended)
          .append(',')
          .append(outcome)
          .append(',')
          .append(wait)
          .append(',')
          .append(talk < 0 ? "" : Long.toString(talk))
          .append(',')
          .append(talk < 0 ? "" : Long.toString(hold))
          .append(',')
          .append(talk < 0 ? "" : Long.toString(wrap))
          .append(',')
          .append(agent == 0 ? "" : Long.toString(agent))
          .append(',')
          .append(in)
          .append(',')
          .append(out)
          .append('\n');
    }

    /** Surveys, IVR journeys, timeline interactions and the occasional IVR callback of a call. */
    private void extras(
        String id, String queue, long customer, Instant answered, Instant ended, int a) {
      if (random.nextInt(100) < 30) {
        int rating = 1 + Math.min(4, (int) Math.abs(4.6 - exp(0.9)));
        String solved = random.nextInt(10) == 0 ? "" : Boolean.toString(random.nextInt(10) < 8);
        surveys
            .append(id)
            .append(',')
            .append(customer == 0 ? "" : Long.toString(customer))
            .append(",PJSIP/")
            .append(2000 + a)
            .append(',')
            .append(queue)
            .append(',')
            .append(rating)
            .append(',')
            .append(solved)
            .append(',')
            .append(ended.plusSeconds(40))
            .append('\n');
      }
      int ivr = random.nextInt(100);
      if (ivr < 35) {
        journey(id, customer, queue, answered.minusSeconds(90), "AGENT");
      }
      if (ivr < 20) {
        // Callers who were served by the menu alone, on their own calls.
        String outcome = ivr < 15 ? "COMPLETED" : ivr < 17 ? "CALLBACK" : "HUNG_UP";
        journey("rb-ivr-" + id, customer, queue, answered.minusSeconds(3600), outcome);
        if (outcome.equals("CALLBACK") && customer != 0) {
          followUp(customer, agentIds[random.nextInt(agents)], answered.minusSeconds(3500));
        }
      }
      if (customer != 0) {
        interactions
            .append(customer)
            .append(",PHONE_IN,INBOUND,")
            .append(answered)
            .append(',')
            .append(ended)
            .append(',')
            .append(agentIds[a])
            .append(',')
            .append(id)
            .append(',')
            .append(queue)
            .append('\n');
      }
    }

    private void journey(String id, long customer, String queue, Instant at, String outcome) {
      journeys
          .append(id)
          .append(',')
          .append(customer == 0 ? "" : Long.toString(customer))
          .append(',')
          .append(queue)
          .append(',')
          .append(at)
          .append(',')
          .append(at.plusSeconds(60))
          .append(',')
          .append(outcome)
          .append('\n');
    }

    private void followUp(long customer, long owner, Instant at) {
      boolean done = random.nextInt(100) < 85;
      Instant completed = at.plusSeconds((long) exp(3 * 3600));
      followUps
          .append("CALLBACK_MISSED_CALL")
          .append(',')
          .append(at.plusSeconds(4 * 3600))
          .append(',')
          .append(owner)
          .append(",support,")
          .append(customer)
          .append(',')
          .append(done ? "DONE" : "OPEN")
          .append(',')
          .append(at)
          .append(',')
          .append(at)
          .append(',')
          .append(done ? completed.toString() : "")
          .append(',')
          .append(done ? Long.toString(owner) : "")
          .append('\n');
    }

    private void flush(CopyManager copy) throws Exception {
      copy(
          copy,
          calls,
          "call_record (call_id, queue, customer_id, tier, offered_at, answered_at, ended_at,"
              + " outcome, wait_seconds, talk_seconds, hold_seconds, wrap_seconds, agent_id,"
              + " transferred_in, transferred_out)");
      copy(copy, states, "agent_state_log (user_id, state, reason, call_id, started_at, ended_at)");
      copy(
          copy,
          surveys,
          "survey_answer (call_id, customer_id, agent, queue, rating, solved, answered_at)");
      copy(
          copy,
          journeys,
          "ivr_journey (call_id, customer_id, queue, started_at, ended_at, outcome)");
      copy(
          copy,
          followUps,
          "follow_up (kind, due_at, owner_id, team, customer_id, status, created_at, updated_at,"
              + " completed_at, completed_by)");
      copy(
          copy,
          interactions,
          "interaction (customer_id, channel, direction, started_at, ended_at, agent_id,"
              + " pbx_linkedid, queue)");
    }

    private static void copy(CopyManager copy, StringBuilder rows, String target) throws Exception {
      if (rows.isEmpty()) {
        return;
      }
      copy.copyIn("copy " + target + " from stdin (format csv)", new StringReader(rows.toString()));
      rows.setLength(0);
    }

    private void tickets(CopyManager copy, Connection c) throws Exception {
      String[] types = {"FAULT_REPORT", "QUESTION", "SERVICE_REQUEST", "COMPLAINT"};
      int[] typeWeights = {40, 25, 15, 20};
      String[] priorities = {"LOW", "NORMAL", "HIGH", "URGENT"};
      int[] priorityWeights = {20, 55, 20, 5};
      int[][] targets = {{960, 2700}, {480, 1620}, {120, 540}, {60, 360}};
      String[] sources = {"AGENT", "AGENT", "AGENT", "PHONE", "PHONE", "IVR", "WEB", "EMAIL"};
      Instant yearStart = FIRST.atStartOfDay(ZONE).toInstant();
      long yearSeconds =
          LAST.plusDays(1).atStartOfDay(ZONE).toEpochSecond() - yearStart.getEpochSecond();
      Instant yearEnd = yearStart.plusSeconds(yearSeconds);
      Instant spikeFrom = LocalDate.of(2025, 6, 16).atStartOfDay(ZONE).toInstant();
      StringBuilder b = new StringBuilder();
      int extraSpike = tickets / 52 / 5 * 2; // twice a normal week's complaints, once
      for (int i = 0; i < tickets + extraSpike; i++) {
        boolean spike = i >= tickets;
        String type = spike ? "COMPLAINT" : pick(types, typeWeights);
        int p = indexOf(priorities, pick(priorities, priorityWeights));
        Instant created =
            spike
                ? spikeFrom.plusSeconds(random.nextInt(7 * 86400))
                : yearStart.plusSeconds((long) (random.nextDouble() * yearSeconds));
        long customer = customer();
        long agent = agentIds[random.nextInt(agents)];
        Instant firstResponse = created.plusSeconds((long) exp(p >= 2 ? 1800 : 7200));
        Instant resolved = created.plusSeconds((long) Math.exp(10.5 + random.nextGaussian()));
        boolean done = resolved.isBefore(yearEnd) && random.nextInt(100) < 92;
        boolean closed = done && random.nextBoolean();
        boolean responded = done || firstResponse.isBefore(yearEnd);
        int fr = type.equals("COMPLAINT") ? 120 : targets[p][0];
        int res = type.equals("COMPLAINT") ? 1080 : targets[p][1];
        String product = PRODUCTS[(int) (PRODUCTS.length * Math.pow(random.nextDouble(), 2))];
        String tags =
            type.equals("COMPLAINT") || random.nextInt(4) == 0
                ? "{"
                    + CAUSES[random.nextInt(CAUSES.length)]
                    + (random.nextInt(3) == 0 ? "," + CAUSES[random.nextInt(CAUSES.length)] : "")
                    + "}"
                : "{}";
        Instant frDue = created.plusSeconds(fr * 60L * 8 / 3);
        Instant resDue = created.plusSeconds(res * 60L * 8 / 3);
        b.append(type)
            .append(',')
            .append(done ? (closed ? "CLOSED" : "RESOLVED") : "OPEN")
            .append(",Ticket ")
            .append(i)
            .append(',')
            .append(priorities[p])
            .append(',')
            .append(customer)
            .append(',')
            .append(agent)
            .append(',')
            .append(random.nextInt(3) == 0 ? "rb-second" : "rb-front")
            .append(",\"")
            .append(tags)
            .append("\",")
            .append(sources[random.nextInt(sources.length)])
            .append(',')
            .append(product)
            .append(",1.")
            .append(random.nextInt(5))
            .append(',')
            .append(type.equals("COMPLAINT") ? created.plusSeconds(3 * 86400).toString() : "")
            .append(',')
            .append(fr)
            .append(',')
            .append(res)
            .append(',')
            .append(responded ? firstResponse.toString() : "")
            .append(',')
            .append(done ? resolved.toString() : "")
            .append(',')
            .append(closed ? resolved.plusSeconds(86400).toString() : "")
            .append(',')
            .append(responded ? "" : frDue.minusSeconds(fr * 60L * 8 / 15).toString())
            .append(',')
            .append(responded ? "" : frDue.toString())
            .append(',')
            .append(done ? "" : resDue.minusSeconds(res * 60L * 8 / 15).toString())
            .append(',')
            .append(done ? "" : resDue.toString())
            .append(',')
            .append(agent)
            .append(',')
            .append(created)
            .append(',')
            .append(done ? resolved : created)
            .append('\n');
      }
      copy.copyIn(
          "copy ticket (type, status, title, priority, customer_id, assignee_id, team, tags,"
              + " source, product, product_version, promised_by, first_response_target_minutes,"
              + " resolution_target_minutes, first_response_at, resolved_at, closed_at,"
              + " first_response_warn_at, first_response_due_at, resolution_warn_at,"
              + " resolution_due_at, created_by, created_at, updated_at) from stdin (format csv)",
          new StringReader(b.toString()));
      try (Statement s = c.createStatement()) {
        // Breaches where the (business-time-ish) target passed before the clock stopped.
        s.execute(
            "insert into sla_event (ticket_id, target, kind, reached_at, recorded_at)"
                + " select id, 'FIRST_RESPONSE', 'BREACH', t.created_at + make_interval(mins =>"
                + " first_response_target_minutes * 8 / 3), now() from ticket t"
                + " where coalesce(first_response_at, timestamptz '2026-01-01') > t.created_at"
                + " + make_interval(mins => first_response_target_minutes * 8 / 3)");
        s.execute(
            "insert into sla_event (ticket_id, target, kind, reached_at, recorded_at)"
                + " select id, 'RESOLUTION', 'BREACH', t.created_at + make_interval(mins =>"
                + " resolution_target_minutes * 8 / 3), now() from ticket t"
                + " where coalesce(resolved_at, timestamptz '2026-01-01') > t.created_at"
                + " + make_interval(mins => resolution_target_minutes * 8 / 3)");
      }
    }

    private String pick(String[] values, int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int r = random.nextInt(total);
      for (int i = 0; i < values.length; i++) {
        r -= weights[i];
        if (r < 0) {
          return values[i];
        }
      }
      return values[values.length - 1];
    }

    private static int indexOf(String[] values, String v) {
      for (int i = 0; i < values.length; i++) {
        if (values[i].equals(v)) {
          return i;
        }
      }
      return -1;
    }
  }
}
