package dev.callcenter.helpdesk.dispatch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ServiceHistoryRepository} on PostgreSQL through Jdbi, by the field-service report's
 * definitions (docs/metrics.md): labour from {@code order_labour}, parts from the stock consumed on
 * the order, expenses from {@code order_expense}, how a visit ended from the audit trail.
 */
public final class JdbiServiceHistoryRepository implements ServiceHistoryRepository {

  private static final String PAST = "('COMPLETED', 'CANNOT_COMPLETE', 'CLOSED', 'CANCELLED')";

  /** Parts consumed on an order: the stock moves, with what the technician recorded of them. */
  private static final String PARTS =
      """
      from stock_move m
      join part p on p.id = m.part_id
      left join order_part_used u on u.stock_move_id = m.id and u.order_id = m.order_id
      where m.kind in ('CONSUME', 'CONSUME_OVERRIDE')
      """;

  private final Jdbi jdbi;

  public JdbiServiceHistoryRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ServiceVisit> visits(Of of, long id, int offset, int limit) {
    return jdbi.withHandle(
        h -> {
          List<Row> rows = page(h, of, id, offset, limit);
          if (rows.isEmpty()) {
            return List.of();
          }
          List<Long> ids = rows.stream().map(Row::orderId).toList();
          Map<Long, List<ServiceVisit.Part>> parts = parts(h, ids);
          Map<Long, Map<String, BigDecimal>> other = otherExpenses(h, ids);
          List<ServiceVisit> out = new ArrayList<>();
          for (Row r : rows) {
            List<ServiceVisit.Part> used = parts.getOrDefault(r.orderId(), List.of());
            BigDecimal partsCost =
                used.stream().map(ServiceVisit.Part::cost).reduce(money(0), BigDecimal::add);
            out.add(
                new ServiceVisit(
                    r.orderId(),
                    r.ticketId(),
                    r.ticketTitle(),
                    r.at(),
                    r.status(),
                    r.outcome(),
                    r.reason(),
                    r.equipment(),
                    r.technician(),
                    r.resolution(),
                    r.labourMinutes(),
                    hours(r.labourMinutes()),
                    used,
                    partsCost,
                    r.expenses(),
                    other.getOrDefault(r.orderId(), Map.of()),
                    partsCost.add(r.expenses()),
                    r.firstTimeFix()));
          }
          return out;
        });
  }

  /** One order of the page with its single-valued figures. */
  private record Row(
      long orderId,
      long ticketId,
      String ticketTitle,
      java.time.Instant at,
      DispatchStatus status,
      DispatchStatus outcome,
      String reason,
      ServiceVisit.Unit equipment,
      String technician,
      String resolution,
      int labourMinutes,
      BigDecimal expenses,
      boolean firstTimeFix) {}

  private static List<Row> page(Handle h, Of of, long id, int offset, int limit) {
    String sql =
        """
        with o as (
          select o.id, o.ticket_id, o.status, o.technician_id, o.equipment_id,
                 o.planned_start, o.window_start
            from dispatch_order o
           where o.%s = :id and o.status in %s),
        ended as (
          select distinct on (a.order_id) a.order_id, a.at, a.to_status, a.detail
            from dispatch_order_audit a
           where a.to_status in ('COMPLETED', 'CANNOT_COMPLETE', 'CANCELLED')
             and a.order_id in (select id from o)
           order by a.order_id, a.id desc),
        page as (
          select o.*, e.to_status as outcome, e.detail as reason,
                 coalesce(case when e.to_status <> 'CANCELLED' then e.at end,
                          o.planned_start, o.window_start) as at
            from o left join ended e on e.order_id = o.id
           order by at desc, o.id desc
           offset :offset limit :limit)
        select p.id, p.ticket_id, t.title, p.at, p.status, p.outcome, p.reason,
               q.id as unit_id, q.product, q.serial_number, u.display_name, c.resolution,
               (select coalesce(sum(l.minutes), 0) from order_labour l
                 where l.order_id = p.id and l.minutes is not null) as labour_minutes,
               (select coalesce(sum(x.amount), 0) from order_expense x
                 where x.order_id = p.id and x.currency = 'TWD') as expenses,
               exists (select 1 from dispatch_order_audit a
                        where a.order_id = p.id and a.to_status = 'COMPLETED')
                 and (select count(*) from dispatch_order v
                       where v.ticket_id = p.ticket_id and v.status <> 'CANCELLED') = 1
                 as first_time_fix
          from page p
          join ticket t on t.id = p.ticket_id
          left join equipment q on q.id = p.equipment_id
          left join app_user u on u.id = p.technician_id
          left join order_closeout c on c.order_id = p.id
         order by p.at desc, p.id desc
        """
            .formatted(of.column, PAST);
    return h.createQuery(sql)
        .bind("id", id)
        .bind("offset", offset)
        .bind("limit", limit)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  private static Row row(ResultSet rs) throws SQLException {
    DispatchStatus status = DispatchStatus.valueOf(rs.getString("status"));
    String ended = rs.getString("outcome");
    long unitId = rs.getLong("unit_id");
    ServiceVisit.Unit unit =
        rs.wasNull()
            ? null
            : new ServiceVisit.Unit(unitId, rs.getString("product"), rs.getString("serial_number"));
    return new Row(
        rs.getLong("id"),
        rs.getLong("ticket_id"),
        rs.getString("title"),
        instant(rs, "at"),
        status,
        ended == null ? status : DispatchStatus.valueOf(ended),
        rs.getString("reason"),
        unit,
        rs.getString("display_name"),
        rs.getString("resolution"),
        rs.getInt("labour_minutes"),
        money(rs.getBigDecimal("expenses")),
        rs.getBoolean("first_time_fix"));
  }

  private static Map<Long, List<ServiceVisit.Part>> parts(Handle h, List<Long> orders) {
    Map<Long, List<ServiceVisit.Part>> out = new HashMap<>();
    h.createQuery(
            "select m.order_id, m.part_id, p.number, p.name, m.quantity, u.serial_numbers,"
                + " coalesce(u.unit_cost, p.unit_cost) as unit_cost "
                + PARTS
                + " and m.order_id in (<orders>) order by m.order_id, m.id")
        .bindList("orders", orders)
        .map(
            (rs, ctx) -> {
              BigDecimal unitCost = money(rs.getBigDecimal("unit_cost"));
              int quantity = rs.getInt("quantity");
              out.computeIfAbsent(rs.getLong("order_id"), k -> new ArrayList<>())
                  .add(
                      new ServiceVisit.Part(
                          rs.getLong("part_id"),
                          rs.getString("number"),
                          rs.getString("name"),
                          quantity,
                          serials(rs.getArray("serial_numbers")),
                          unitCost,
                          unitCost.multiply(BigDecimal.valueOf(quantity))));
              return null;
            })
        .list();
    return out;
  }

  private static List<String> serials(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  /** Expenses in currencies other than TWD, per order and currency. */
  private static Map<Long, Map<String, BigDecimal>> otherExpenses(Handle h, List<Long> orders) {
    Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
    h.createQuery(
            """
            select order_id, currency, sum(amount) as amount from order_expense
             where order_id in (<orders>) and currency <> 'TWD'
             group by 1, 2 order by 1, 2
            """)
        .bindList("orders", orders)
        .map(
            (rs, ctx) -> {
              out.computeIfAbsent(rs.getLong("order_id"), k -> new TreeMap<>())
                  .put(rs.getString("currency").strip(), money(rs.getBigDecimal("amount")));
              return null;
            })
        .list();
    return out;
  }

  @Override
  public ServiceTotals totals(Of of, long id) {
    String past = "select id from dispatch_order where %s = :id and status in %s";
    String orders = past.formatted(of.column, PAST);
    return jdbi.withHandle(
        h -> {
          Map<String, Object> sums =
              h.createQuery(
                      """
                      with o as (select id, status from dispatch_order
                                  where %s = :id and status in %s)
                      select (select count(*) from o) as orders,
                             (select count(*) from o where status <> 'CANCELLED') as visits,
                             (select coalesce(sum(l.minutes), 0) from order_labour l
                               where l.order_id in (select id from o)
                                 and l.minutes is not null) as labour_minutes,
                             (select coalesce(sum(m.quantity * coalesce(u.unit_cost, p.unit_cost)),
                                              0)
                             %s and m.order_id in (select id from o)) as parts_cost,
                             (select coalesce(sum(x.amount), 0) from order_expense x
                               where x.order_id in (select id from o)
                                 and x.currency = 'TWD') as expenses
                      """
                          .formatted(of.column, PAST, PARTS))
                  .bind("id", id)
                  .mapToMap()
                  .one();
          Map<String, BigDecimal> other = new LinkedHashMap<>();
          h.createQuery(
                  "select currency, sum(amount) from order_expense where order_id in ("
                      + orders
                      + ") and currency <> 'TWD' group by 1 order by 1")
              .bind("id", id)
              .map((rs, ctx) -> Map.entry(rs.getString(1).strip(), money(rs.getBigDecimal(2))))
              .forEach(e -> other.put(e.getKey(), e.getValue()));
          int minutes = ((Number) sums.get("labour_minutes")).intValue();
          BigDecimal parts = money((BigDecimal) sums.get("parts_cost"));
          BigDecimal expenses = money((BigDecimal) sums.get("expenses"));
          return new ServiceTotals(
              ((Number) sums.get("orders")).intValue(),
              ((Number) sums.get("visits")).intValue(),
              minutes,
              hours(minutes),
              parts,
              expenses,
              other,
              parts.add(expenses));
        });
  }

  @Override
  public boolean hasOrderOf(long customerId, long technicianId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select exists (select 1 from dispatch_order"
                        + " where customer_id = :customer and technician_id = :tech)")
                .bind("customer", customerId)
                .bind("tech", technicianId)
                .mapTo(Boolean.class)
                .one());
  }

  private static BigDecimal hours(int minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal money(long value) {
    return BigDecimal.valueOf(value).setScale(2);
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? money(0) : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
