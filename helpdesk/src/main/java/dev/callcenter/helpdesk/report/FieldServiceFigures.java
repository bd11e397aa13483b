package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.dispatch.GeoPoint;
import dev.callcenter.helpdesk.dispatch.TravelModel;
import dev.callcenter.helpdesk.report.Report.Type;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The field-service report's tables computed from the orders of a period (docs/metrics.md): the
 * summary, per technician, per technician and day (estimated travel, time on site, shift and
 * utilisation) and per order (labour, parts, expenses, total, first visit, first-time fix).
 */
final class FieldServiceFigures {

  /** At most this many orders are listed, the latest planned first. */
  static final int MAX_ORDERS = 2000;

  private FieldServiceFigures() {}

  /**
   * One order planned in the period.
   *
   * @param arrivedAt its first change to ON_SITE, null if never
   * @param finishedAt its last change to COMPLETED or CANNOT_COMPLETE, null if never
   * @param completed it was moved to COMPLETED
   * @param firstVisit it is its ticket's earliest non-cancelled order
   * @param ticketVisits its ticket's non-cancelled orders
   * @param expenses in TWD
   * @param otherExpenses other currencies, "USD 12.50; JPY 300", or null
   */
  record OrderFact(
      long orderId,
      long ticketId,
      String customer,
      long technicianId,
      String technician,
      String status,
      Instant plannedStart,
      Instant windowEnd,
      double lat,
      double lon,
      Instant arrivedAt,
      Instant finishedAt,
      boolean completed,
      boolean firstVisit,
      int ticketVisits,
      int labourMinutes,
      BigDecimal partsCost,
      BigDecimal expenses,
      String otherExpenses) {

    boolean visited() {
      return arrivedAt != null;
    }

    boolean fixedFirstTime() {
      return completed && ticketVisits == 1;
    }

    boolean onTime() {
      return visited() && !arrivedAt.isAfter(windowEnd);
    }

    /** Seconds from arrival to finish; 0 unless both are known and in that order. */
    long onSiteSeconds() {
      return arrivedAt != null && finishedAt != null && finishedAt.isAfter(arrivedAt)
          ? Duration.between(arrivedAt, finishedAt).toSeconds()
          : 0;
    }
  }

  /** A technician's home and working time: weekly minutes per weekday, and days off. */
  record TechnicianFact(
      long id, double homeLat, double homeLon, Map<DayOfWeek, Integer> hours, Set<LocalDate> off) {

    int shiftMinutes(LocalDate day) {
      return off.contains(day) ? 0 : hours.getOrDefault(day.getDayOfWeek(), 0);
    }
  }

  /** Labour, parts and expenses (TWD) of a technician's orders, summed. */
  record Costs(long labourMinutes, BigDecimal parts, BigDecimal expenses) {}

  /** Sums over a set of orders and days, for the summary and each technician. */
  private static final class Totals {
    long orders;
    long visits;
    long completed;
    long fixedFirstTime;
    long onTime;
    long labourMinutes;
    BigDecimal parts = BigDecimal.ZERO;
    BigDecimal expenses = BigDecimal.ZERO;
    double workMinutes;
    long shiftMinutes;

    void add(OrderFact o) {
      orders++;
      visits += o.visited() ? 1 : 0;
      completed += o.completed() ? 1 : 0;
      fixedFirstTime += o.fixedFirstTime() ? 1 : 0;
      onTime += o.onTime() ? 1 : 0;
    }

    void add(Costs c) {
      labourMinutes += c.labourMinutes();
      parts = parts.add(c.parts());
      expenses = expenses.add(c.expenses());
    }

    List<Object> values() {
      return new ArrayList<>(
          java.util.Arrays.asList(
              orders,
              visits,
              completed,
              Report.ratio(fixedFirstTime, completed),
              Report.ratio(onTime, visits),
              shiftMinutes == 0 ? null : workMinutes / shiftMinutes,
              visits == 0 ? null : labourMinutes / 60.0 / visits,
              visits == 0 ? null : parts.doubleValue() / visits,
              visits == 0 ? null : expenses.doubleValue() / visits));
    }
  }

  private static final List<Report.Column> TOTAL_COLUMNS =
      List.of(
          new Report.Column("orders", Type.INTEGER),
          new Report.Column("visits", Type.INTEGER),
          new Report.Column("completedOrders", Type.INTEGER),
          new Report.Column("firstTimeFix", Type.RATIO),
          new Report.Column("onTimeArrival", Type.RATIO),
          new Report.Column("utilisation", Type.RATIO),
          new Report.Column("labourHoursPerOrder", Type.DECIMAL),
          new Report.Column("partsCostPerOrder", Type.DECIMAL),
          new Report.Column("expensesPerOrder", Type.DECIMAL));

  /**
   * The report's tables: summary, technicians, technicianDays, orders.
   *
   * @param orders every order of the period (costs and first visit need not be filled in)
   * @param costs the orders' costs per technician
   * @param listed the latest orders with all their facts, for the order list
   */
  static List<Report.Table> tables(
      ReportPeriod period,
      List<OrderFact> orders,
      Map<Long, Costs> costs,
      List<OrderFact> listed,
      Map<Long, TechnicianFact> technicians,
      TravelModel travel) {
    ZoneId zone = period.zone();
    Totals all = new Totals();
    Map<String, Totals> byTechnician = new TreeMap<>();
    Map<String, Long> technicianIds = new TreeMap<>();
    // technician name + id → day → that day's orders
    Map<String, TreeMap<LocalDate, List<OrderFact>>> days = new TreeMap<>();
    for (OrderFact o : orders) {
      String key = o.technician() + "\u0000" + o.technicianId();
      technicianIds.put(key, o.technicianId());
      all.add(o);
      byTechnician.computeIfAbsent(key, k -> new Totals()).add(o);
      days.computeIfAbsent(key, k -> new TreeMap<>())
          .computeIfAbsent(LocalDate.ofInstant(o.plannedStart(), zone), d -> new ArrayList<>())
          .add(o);
    }

    Report.Builder dayTable =
        new Report.Builder("technicianDays")
            .column("technicianId", Type.INTEGER)
            .column("technician", Type.TEXT)
            .column("day", Type.DATE)
            .column("orders", Type.INTEGER)
            .column("visits", Type.INTEGER)
            .column("travelMinutes", Type.INTEGER)
            .column("onSiteMinutes", Type.INTEGER)
            .column("shiftMinutes", Type.INTEGER)
            .column("utilisation", Type.RATIO);
    for (var e : days.entrySet()) {
      long id = technicianIds.get(e.getKey());
      TechnicianFact tech = technicians.get(id);
      Totals totals = byTechnician.get(e.getKey());
      for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
        totals.shiftMinutes += tech == null ? 0 : tech.shiftMinutes(d);
      }
      for (var day : e.getValue().entrySet()) {
        List<OrderFact> visited =
            day.getValue().stream()
                .filter(OrderFact::visited)
                .sorted(Comparator.comparing(OrderFact::arrivedAt))
                .toList();
        long travelMinutes = 0;
        if (tech != null) {
          GeoPoint at = new GeoPoint(tech.homeLat(), tech.homeLon());
          for (OrderFact o : visited) {
            GeoPoint site = new GeoPoint(o.lat(), o.lon());
            travelMinutes += travel.minutes(at, site);
            at = site;
          }
        }
        long onSiteSeconds = visited.stream().mapToLong(OrderFact::onSiteSeconds).sum();
        int shift = tech == null ? 0 : tech.shiftMinutes(day.getKey());
        double work = onSiteSeconds / 60.0 + travelMinutes;
        totals.workMinutes += work;
        all.workMinutes += work;
        dayTable.row(
            id,
            day.getValue().getFirst().technician(),
            day.getKey(),
            (long) day.getValue().size(),
            (long) visited.size(),
            travelMinutes,
            Math.round(onSiteSeconds / 60.0),
            (long) shift,
            shift == 0 ? null : work / shift);
      }
      all.shiftMinutes += totals.shiftMinutes;
    }

    for (var e : byTechnician.entrySet()) {
      Costs c = costs.get(technicianIds.get(e.getKey()));
      if (c != null) {
        e.getValue().add(c);
        all.add(c);
      }
    }
    List<List<Object>> technicianRows = new ArrayList<>();
    for (var e : byTechnician.entrySet()) {
      List<Object> row = new ArrayList<>();
      row.add(technicianIds.get(e.getKey()));
      row.add(e.getKey().substring(0, e.getKey().indexOf('\u0000')));
      row.addAll(e.getValue().values());
      technicianRows.add(row);
    }
    List<Report.Column> technicianColumns = new ArrayList<>();
    technicianColumns.add(new Report.Column("technicianId", Type.INTEGER));
    technicianColumns.add(new Report.Column("technician", Type.TEXT));
    technicianColumns.addAll(TOTAL_COLUMNS);

    Report.Builder orderTable =
        new Report.Builder("orders")
            .column("orderId", Type.INTEGER)
            .column("ticketId", Type.INTEGER)
            .column("customer", Type.TEXT)
            .column("technician", Type.TEXT)
            .column("day", Type.DATE)
            .column("orderStatus", Type.TEXT)
            .column("firstVisit", Type.TEXT)
            .column("fixedFirstTime", Type.TEXT)
            .column("labourHours", Type.DECIMAL)
            .column("partsCost", Type.DECIMAL)
            .column("expenses", Type.DECIMAL)
            .column("otherExpenses", Type.TEXT)
            .column("total", Type.DECIMAL);
    listed.stream()
        .sorted(
            Comparator.comparing(OrderFact::plannedStart)
                .thenComparing(OrderFact::orderId)
                .reversed())
        .limit(MAX_ORDERS)
        .forEach(
            o ->
                orderTable.row(
                    o.orderId(),
                    o.ticketId(),
                    o.customer(),
                    o.technician(),
                    LocalDate.ofInstant(o.plannedStart(), zone),
                    o.status(),
                    o.firstVisit() ? "YES" : "NO",
                    o.fixedFirstTime() ? "YES" : "NO",
                    o.labourMinutes() / 60.0,
                    o.partsCost().doubleValue(),
                    o.expenses().doubleValue(),
                    o.otherExpenses(),
                    o.partsCost().add(o.expenses()).doubleValue()));

    return List.of(
        new Report.Table("summary", TOTAL_COLUMNS, List.of(all.values())),
        new Report.Table("technicians", technicianColumns, technicianRows),
        dayTable.build(),
        orderTable.build());
  }
}
