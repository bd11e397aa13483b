package dev.callcenter.helpdesk.report;

import static dev.callcenter.helpdesk.ticket.TicketKit.TAIPEI;
import static dev.callcenter.helpdesk.ticket.TicketKit.taipei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DayOff;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchOrderDraft;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.Technician;
import dev.callcenter.helpdesk.dispatch.TechnicianProfile;
import dev.callcenter.helpdesk.dispatch.WorkingHours;
import dev.callcenter.helpdesk.dispatch.field.ExpenseType;
import dev.callcenter.helpdesk.dispatch.field.FieldAction;
import dev.callcenter.helpdesk.dispatch.field.FieldActionType;
import dev.callcenter.helpdesk.dispatch.field.FieldWork;
import dev.callcenter.helpdesk.dispatch.stock.PartDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The field-service report on a hand-checkable day (docs/metrics.md): one technician, home and
 * sites on one meridian 0.05° (5.56 km, 15 min by the travel model) apart, working 09:00–17:00 with
 * the next day off. Monday 2026-01-05 in Taipei: order A (window 10–12) arrives 10:30, completes
 * 11:30, 45 min labour, 2 parts at 100, TWD 150 and USD 10 of expenses; order B (13–14) arrives
 * 14:30, cannot complete at 15:00; order C, B's ticket's second visit (16–17), arrives 16:10,
 * completes 16:40, 15 min labour, TWD 60; a cancelled order. Tuesday: order D, scheduled, not
 * visited.
 */
class FieldServiceReportTest {

  private final TicketKit kit = new TicketKit();
  private final ReportService reports = kit.helpdesk.reports();
  private final FieldWork field = kit.helpdesk.fieldWork();
  private final User dispatcherUser = user("disp", Role.SUPERVISOR);
  private final Actor dispatcher = new Actor(dispatcherUser, "10.0.0.1");

  @AfterEach
  void close() {
    kit.close();
  }

  private User user(String name, Role role) {
    long id = kit.users.upsert(name, name, "x", Set.of(role), "zh-TW");
    return kit.users.find(id).orElseThrow();
  }

  private DispatchOrder order(long ticket, double lat, Instant windowStart, Duration window) {
    return kit.helpdesk
        .createDispatchOrder()
        .create(
            new DispatchOrderDraft(
                ticket,
                null,
                "台北市 " + lat,
                lat,
                121.5,
                List.of("hvac"),
                60,
                windowStart,
                windowStart.plus(window),
                List.of(),
                null),
            dispatcher);
  }

  private long scheduled(long ticket, double lat, String start, int windowHours, long tech) {
    Instant at = taipei(start);
    DispatchOrder o = order(ticket, lat, at, Duration.ofHours(windowHours));
    kit.helpdesk.dispatch().schedule(o.id(), tech, at, null, dispatcher);
    return o.id();
  }

  /** Sets the clock to {@code localTime} that day and records {@code type} then. */
  private void act(long order, Actor tech, String localTime, FieldActionType type) {
    act(order, tech, localTime, FieldAction.of(UUID.randomUUID(), type, taipei(localTime)));
  }

  private void act(long order, Actor tech, String localTime, FieldAction action) {
    kit.clock.set(taipei(localTime));
    field.record(order, action, tech);
  }

  private static FieldAction with(FieldActionType type, String at, Object... fields) {
    FieldAction a = FieldAction.of(UUID.randomUUID(), type, taipei(at));
    java.util.Map<String, Object> f = new java.util.HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      f.put((String) fields[i], fields[i + 1]);
    }
    return new FieldAction(
        a.key(),
        type,
        a.at(),
        null,
        null,
        null,
        (Integer) f.get("minutes"),
        (Long) f.get("partId"),
        (Integer) f.get("quantity"),
        null,
        (ExpenseType) f.get("expenseType"),
        (BigDecimal) f.get("amount"),
        (String) f.get("currency"),
        null,
        null,
        (String) f.get("resolution"),
        null,
        null,
        (String) f.get("reason"));
  }

  private Report run(String from, String to, Long technician) {
    return reports.fieldService(
        new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to), TAIPEI, Bucket.DAY),
        new ReportFilter(null, null, technician, null, null));
  }

  @Test
  void aDayOfVisitsGivesExactCostsFirstTimeFixArrivalTravelAndUtilisation() {
    User techUser = user("tech-report", Role.TECHNICIAN);
    List<WorkingHours> hours = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      hours.add(new WorkingHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    }
    Technician tech =
        kit.helpdesk
            .technicians()
            .save(techUser.id(), new TechnicianProfile(List.of("hvac"), 25.0, 121.5, null, hours));
    kit.helpdesk
        .technicians()
        .addDayOff(tech.userId(), new DayOff(LocalDate.parse("2026-01-06"), "rest"));
    Actor t = new Actor(techUser, "10.0.0.2");
    var stock = kit.helpdesk.stock();
    long part = stock.createPart(new PartDraft("F-1", "濾網", new BigDecimal("100.00"))).id();
    long warehouse = stock.createWarehouse("倉庫").id();
    stock.receive(warehouse, part, 5, null);
    stock.transfer(warehouse, tech.vanLocationId(), part, 5, null);

    long customerA = kit.customer("客戶甲", Tier.STANDARD).id();
    long customerB = kit.customer("客戶乙", Tier.STANDARD).id();
    long ticketA = kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, customerA, null).id();
    long ticketB = kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, customerB, null).id();
    long ticketD = kit.open(TicketType.FAULT_REPORT, Priority.NORMAL, customerA, null).id();
    long a = scheduled(ticketA, 25.05, "2026-01-05T10:00", 2, tech.userId());
    long b = scheduled(ticketB, 25.10, "2026-01-05T13:00", 1, tech.userId());
    long cancelled = scheduled(ticketA, 25.20, "2026-01-05T15:00", 1, tech.userId());
    kit.helpdesk.dispatch().changeStatus(cancelled, DispatchStatus.CANCELLED, "dup", dispatcher);
    long d = scheduled(ticketD, 25.05, "2026-01-06T10:00", 2, tech.userId());

    act(a, t, "2026-01-05T10:10", FieldActionType.EN_ROUTE);
    act(a, t, "2026-01-05T10:30", FieldActionType.ARRIVED);
    act(
        a,
        t,
        "2026-01-05T11:00",
        with(FieldActionType.LABOUR_ENTERED, "2026-01-05T11:00", "minutes", 45));
    act(
        a,
        t,
        "2026-01-05T11:05",
        with(FieldActionType.PART_USED, "2026-01-05T11:05", "partId", part, "quantity", 2));
    act(
        a,
        t,
        "2026-01-05T11:10",
        with(
            FieldActionType.EXPENSE,
            "2026-01-05T11:10",
            "expenseType",
            ExpenseType.PARKING,
            "amount",
            new BigDecimal("150"),
            "currency",
            "TWD"));
    act(
        a,
        t,
        "2026-01-05T11:12",
        with(
            FieldActionType.EXPENSE,
            "2026-01-05T11:12",
            "expenseType",
            ExpenseType.MEAL,
            "amount",
            new BigDecimal("10.00"),
            "currency",
            "USD"));
    act(
        a,
        t,
        "2026-01-05T11:30",
        with(FieldActionType.COMPLETED, "2026-01-05T11:30", "resolution", "換濾網"));

    act(b, t, "2026-01-05T14:30", FieldActionType.ARRIVED);
    act(
        b,
        t,
        "2026-01-05T15:00",
        with(FieldActionType.CANNOT_COMPLETE, "2026-01-05T15:00", "reason", "缺零件"));
    // the dispatcher plans the ticket's second visit
    kit.clock.set(taipei("2026-01-05T15:05"));
    long c = scheduled(ticketB, 25.05, "2026-01-05T16:00", 1, tech.userId());
    act(c, t, "2026-01-05T16:10", FieldActionType.ARRIVED);
    act(
        c,
        t,
        "2026-01-05T16:20",
        with(FieldActionType.LABOUR_ENTERED, "2026-01-05T16:20", "minutes", 15));
    act(
        c,
        t,
        "2026-01-05T16:25",
        with(
            FieldActionType.EXPENSE,
            "2026-01-05T16:25",
            "expenseType",
            ExpenseType.TOLL,
            "amount",
            new BigDecimal("60"),
            "currency",
            "TWD"));
    act(
        c,
        t,
        "2026-01-05T16:40",
        with(FieldActionType.COMPLETED, "2026-01-05T16:40", "resolution", "修好"));

    Report r = run("2026-01-05", "2026-01-06", null);

    Report.Table orders = r.table("orders");
    assertThat(orders.rows())
        .extracting(row -> row.get(orders.index("orderId")))
        .as("latest planned first, the cancelled one left out")
        .containsExactly(d, c, b, a);
    assertThat(row(orders, a))
        .containsExactly(
            a,
            ticketA,
            "客戶甲",
            "tech-report",
            LocalDate.parse("2026-01-05"),
            "COMPLETED",
            "YES",
            "YES",
            0.75,
            200.0,
            150.0,
            "USD 10.00",
            350.0);
    assertThat(row(orders, b))
        .containsExactly(
            b,
            ticketB,
            "客戶乙",
            "tech-report",
            LocalDate.parse("2026-01-05"),
            "CANNOT_COMPLETE",
            "YES",
            "NO",
            0.0,
            0.0,
            0.0,
            null,
            0.0);
    assertThat(row(orders, c))
        .containsExactly(
            c,
            ticketB,
            "客戶乙",
            "tech-report",
            LocalDate.parse("2026-01-05"),
            "COMPLETED",
            "NO",
            "NO",
            0.25,
            0.0,
            60.0,
            null,
            60.0);
    assertThat(row(orders, d))
        .containsExactly(
            d,
            ticketD,
            "客戶甲",
            "tech-report",
            LocalDate.parse("2026-01-06"),
            "SCHEDULED",
            "YES",
            "NO",
            0.0,
            0.0,
            0.0,
            null,
            0.0);

    Report.Table days = r.table("technicianDays");
    // travel: home 25.00 → A 25.05 → B 25.10 → C 25.05, each 5.56 km × 1.3 at 30 km/h = 15 min
    // on site: A 60 + B 30 + C 30 = 120 min; utilisation (120 + 45) ÷ 480
    assertThat(days.rows())
        .containsExactly(
            List.of(
                tech.userId(),
                "tech-report",
                LocalDate.parse("2026-01-05"),
                3L,
                3L,
                45L,
                120L,
                480L,
                165.0 / 480),
            java.util.Arrays.asList(
                tech.userId(),
                "tech-report",
                LocalDate.parse("2026-01-06"),
                1L,
                0L,
                0L,
                0L,
                0L,
                null));

    Report.Table techs = r.table("technicians");
    assertThat(techs.rows()).hasSize(1);
    List<Object> total = techs.rows().getFirst();
    assertThat(total.subList(0, 5)).containsExactly(tech.userId(), "tech-report", 4L, 3L, 2L);
    assertThat((Double) total.get(techs.index("firstTimeFix"))).isEqualTo(0.5);
    assertThat((Double) total.get(techs.index("onTimeArrival"))).isCloseTo(2.0 / 3, within(1e-12));
    assertThat((Double) total.get(techs.index("utilisation"))).isEqualTo(165.0 / 480);
    assertThat((Double) total.get(techs.index("labourHoursPerOrder")))
        .isCloseTo(1.0 / 3, within(1e-12));
    assertThat((Double) total.get(techs.index("partsCostPerOrder")))
        .isCloseTo(200.0 / 3, within(1e-9));
    assertThat((Double) total.get(techs.index("expensesPerOrder"))).isEqualTo(70.0);
    assertThat(r.table("summary").rows().getFirst()).isEqualTo(total.subList(2, total.size()));

    // One technician's filter; a period without orders has empty ratios, not errors.
    assertThat(run("2026-01-05", "2026-01-06", dispatcherUser.id()).table("orders").rows())
        .isEmpty();
    assertThat(run("2026-02-01", "2026-02-01", null).table("summary").rows().getFirst())
        .containsExactly(0L, 0L, 0L, null, null, null, null, null, null);

    // The report reads costs summed per technician and full facts only for the orders listed:
    // the same tables as computing everything from every order's full facts.
    for (Long technician : java.util.Arrays.asList(null, tech.userId())) {
      for (String[] p :
          List.of(
              new String[] {"2026-01-05", "2026-01-06"},
              new String[] {"2026-01-01", "2026-01-31"})) {
        ReportPeriod period =
            new ReportPeriod(LocalDate.parse(p[0]), LocalDate.parse(p[1]), TAIPEI, Bucket.DAY);
        ReportFilter filter = new ReportFilter(null, null, technician, null, null);
        assertThat(reports.fieldService(period, filter).tables())
            .isEqualTo(fromEveryOrdersFacts(period, filter));
      }
    }
  }

  /** The tables computed as before: every order with all its facts, costs summed in Java. */
  private List<Report.Table> fromEveryOrdersFacts(ReportPeriod period, ReportFilter filter) {
    JdbiFieldServiceFacts facts = new JdbiFieldServiceFacts(kit.db.jdbi());
    List<FieldServiceFigures.OrderFact> all = facts.orders(period, filter, Integer.MAX_VALUE);
    java.util.Map<Long, FieldServiceFigures.Costs> costs = new java.util.HashMap<>();
    for (FieldServiceFigures.OrderFact o : all) {
      costs.merge(
          o.technicianId(),
          new FieldServiceFigures.Costs(o.labourMinutes(), o.partsCost(), o.expenses()),
          (a, b) ->
              new FieldServiceFigures.Costs(
                  a.labourMinutes() + b.labourMinutes(),
                  a.parts().add(b.parts()),
                  a.expenses().add(b.expenses())));
    }
    java.util.Set<Long> ids = new java.util.HashSet<>(costs.keySet());
    return FieldServiceFigures.tables(
        period,
        all,
        costs,
        all,
        facts.technicians(ids, period.from(), period.to()),
        dev.callcenter.helpdesk.dispatch.TravelModel.DEFAULT);
  }

  private static List<Object> row(Report.Table table, long orderId) {
    return table.rows().stream().filter(r -> r.get(0).equals(orderId)).findFirst().orElseThrow();
  }
}
