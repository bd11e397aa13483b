package dev.callcenter.bench;

import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.dispatch.TechnicianProfile;
import dev.callcenter.helpdesk.dispatch.WorkingHours;
import dev.callcenter.helpdesk.dispatch.stock.PartDraft;
import dev.callcenter.helpdesk.report.Bucket;
import dev.callcenter.helpdesk.report.Report;
import dev.callcenter.helpdesk.report.ReportFilter;
import dev.callcenter.helpdesk.report.ReportPeriod;
import dev.callcenter.helpdesk.report.ReportService;
import dev.callcenter.helpdesk.user.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench/run field-report}: a year of field service (by default 50 technicians × 5 visits a
 * day × 365 days, 91,250 orders with their audit trail, labour, expenses and parts) and the time of
 * the field-service report over the year, a month and a day (ADR 0025; docs/metrics.md).
 */
final class FieldReportBench {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

  private FieldReportBench() {}

  static void run(BenchDatabase bench, int technicians, int perDay, boolean regenerate) {
    if (regenerate) {
      bench
          .database()
          .jdbi()
          .useHandle(h -> h.execute("drop database if exists fieldreport with (force)"));
    }
    try (Database db = bench.open("fieldreport", 8)) {
      Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      Helpdesk helpdesk = new Helpdesk(db, Helpdesk.Settings.defaults(), clock, event -> {});
      long existing =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select count(*) from dispatch_order").mapTo(Long.class).one());
      if (existing == 0) {
        long t0 = System.nanoTime();
        generate(db, helpdesk, technicians, perDay);
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      } else {
        System.out.println("reusing the generated year (-DfieldReportRegenerate=true to rebuild)");
      }
      for (String table :
          List.of(
              "dispatch_order",
              "dispatch_order_audit",
              "order_labour",
              "order_expense",
              "stock_move",
              "ticket")) {
        System.out.printf(
            "  %-22s %,10d rows%n",
            table,
            db.jdbi()
                .withHandle(
                    h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one()));
      }
      time(helpdesk.reports());
    }
  }

  private static void generate(Database db, Helpdesk helpdesk, int technicians, int perDay) {
    long admin =
        helpdesk
            .users()
            .upsert("bench-dispatcher", "Dispatcher", "x", Set.of(Role.SUPERVISOR), "en");
    long part =
        helpdesk.stock().createPart(new PartDraft("B-1", "Filter", new BigDecimal("120.50"))).id();
    List<WorkingHours> hours = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      hours.add(new WorkingHours(d, LocalTime.of(8, 0), LocalTime.of(17, 0)));
    }
    for (int t = 0; t < technicians; t++) {
      long id =
          helpdesk
              .users()
              .upsert("bench-tech-" + t, "Technician " + t, "x", Set.of(Role.TECHNICIAN), "zh-TW");
      helpdesk
          .technicians()
          .save(
              id,
              new TechnicianProfile(
                  List.of("hvac"), 25.0 + t * 0.002, 121.5 + t * 0.002, null, hours));
    }
    for (int c = 0; c < 500; c++) {
      helpdesk
          .customers()
          .create(
              new CustomerDraft(
                  CustomerKind.PERSON,
                  "Customer " + c,
                  null,
                  "zh-TW",
                  List.of(),
                  List.of(),
                  null,
                  null,
                  Map.of(),
                  null,
                  null,
                  null));
    }
    long days = FIRST.until(LAST.plusDays(1), java.time.temporal.ChronoUnit.DAYS);
    db.jdbi()
        .useHandle(
            h -> {
              // One ticket per visit, and a second visit for every tenth ticket (not a first-time
              // fix); orders are in technician × day × slot order, 90 minutes apart from 09:00.
              h.execute(
                  """
                  create temporary table slot as
                  select t.user_id as technician, t.home_lat, t.home_lon,
                         (date :first + d) + time '09:00' + make_interval(mins => 90 * k)
                           as local_start,
                         row_number() over () as n
                    from technician t, generate_series(0, :days - 1) d,
                         generate_series(0, :perDay - 1) k
                  """
                      .replace(":first", "'" + FIRST + "'")
                      .replace(":days", Long.toString(days))
                      .replace(":perDay", Integer.toString(perDay)));
              h.execute(
                  """
                  insert into ticket (type, status, title, priority, customer_id,
                                      first_response_target_minutes, resolution_target_minutes,
                                      created_at, updated_at)
                  select 'FAULT_REPORT', 'OPEN', 'bench visit', 'NORMAL',
                         (select min(id) from customer) + (n % 500), 60, 480,
                         timestamptz '2024-12-31 00:00+08', timestamptz '2024-12-31 00:00+08'
                    from slot where n % 10 <> 0
                  """);
              h.execute(
                  """
                  insert into dispatch_order (ticket_id, customer_id, site_address, lat, lon,
                      required_skills, duration_minutes, priority, window_start, window_end,
                      status, technician_id, planned_start, planned_end, created_by, created_at,
                      updated_at)
                  select tk.id, tk.customer_id, 'bench site',
                         s.home_lat + ((s.n * 7) % 41 - 20) * 0.002,
                         s.home_lon + ((s.n * 13) % 41 - 20) * 0.002,
                         '{hvac}', 60, 50,
                         s.local_start at time zone 'Asia/Taipei',
                         (s.local_start + interval '2 hours') at time zone 'Asia/Taipei',
                         case when s.n % 20 = 0 then 'CANNOT_COMPLETE'
                              when s.n % 37 = 0 then 'SCHEDULED' else 'COMPLETED' end,
                         s.technician, s.local_start at time zone 'Asia/Taipei',
                         (s.local_start + interval '1 hour') at time zone 'Asia/Taipei',
                         :admin, timestamptz '2024-12-31 00:00+08', timestamptz '2024-12-31 00:00+08'
                    from slot s
                    join ticket tk on tk.id = (select min(id) from ticket)
                                             + (s.n - 1 - (s.n - 1) / 10) % (select count(*) from ticket)
                  """
                      .replace(":admin", Long.toString(admin)));
              h.execute(
                  """
                  insert into dispatch_order_audit (order_id, at, actor_id, action, from_status,
                                                    to_status)
                  select id, planned_start + make_interval(mins => ((id * 17) % 150)::int), technician_id,
                         'status', 'EN_ROUTE', 'ON_SITE'
                    from dispatch_order where status <> 'SCHEDULED'
                  """);
              h.execute(
                  """
                  insert into dispatch_order_audit (order_id, at, actor_id, action, from_status,
                                                    to_status)
                  select id, planned_start + make_interval(mins => ((id * 17) % 150 + 55)::int),
                         technician_id, 'status', 'ON_SITE', status
                    from dispatch_order where status <> 'SCHEDULED'
                  """);
              h.execute(
                  """
                  insert into order_labour (order_id, technician_id, source, started_at, ended_at,
                                            minutes)
                  select id, technician_id, 'ENTERED', planned_start, planned_start, 45
                    from dispatch_order where status <> 'SCHEDULED'
                  """);
              h.execute(
                  """
                  insert into order_expense (order_id, technician_id, type, amount, currency,
                                             spent_at)
                  select id, technician_id, 'PARKING', 60 + id % 5 * 10,
                         case when id % 50 = 0 then 'USD' else 'TWD' end, planned_start
                    from dispatch_order where status <> 'SCHEDULED' and id % 2 = 0
                  """);
              h.execute(
                  """
                  insert into stock_move (kind, part_id, from_location, quantity, order_id,
                                          actor_id, at)
                  select 'CONSUME', :part, t.van_location_id, 1 + o.id % 2, o.id, o.technician_id,
                         o.planned_start
                    from dispatch_order o join technician t on t.user_id = o.technician_id
                   where o.status = 'COMPLETED' and o.id % 3 = 0
                  """
                      .replace(":part", Long.toString(part)));
              h.execute("analyze");
            });
  }

  private static void time(ReportService reports) {
    record Span(String name, LocalDate from, LocalDate to) {}
    List<Span> spans =
        List.of(
            new Span("year", FIRST, LAST),
            new Span("month", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)),
            new Span("day", LocalDate.of(2025, 6, 18), LocalDate.of(2025, 6, 18)));
    int runs = Integer.getInteger("reportRuns", 5);
    System.out.printf(
        "%-14s %-6s %10s %10s   (ms, %d runs after one warm-up; one client)%n",
        "report", "period", "median", "min", runs);
    for (Span s : spans) {
      ReportPeriod p = new ReportPeriod(s.from(), s.to(), TAIPEI, Bucket.DAY);
      Report warm = reports.fieldService(p, ReportFilter.none());
      long[] ms = new long[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        reports.fieldService(p, ReportFilter.none());
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      Arrays.sort(ms);
      System.out.printf(
          "%-14s %-6s %10d %10d   (%s orders listed)%n",
          "field-service", s.name(), ms[runs / 2], ms[0], warm.table("orders").rows().size());
    }
    Report year =
        reports.fieldService(
            new ReportPeriod(FIRST, LAST, TAIPEI, Bucket.DAY), ReportFilter.none());
    System.out.println("year summary: " + year.table("summary").rows().getFirst());
  }
}
