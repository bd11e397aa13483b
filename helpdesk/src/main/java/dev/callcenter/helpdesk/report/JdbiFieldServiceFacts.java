package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.report.FieldServiceFigures.OrderFact;
import dev.callcenter.helpdesk.report.FieldServiceFigures.TechnicianFact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What the field-service report is computed from (docs/metrics.md): each order planned in the
 * period with its arrival, finish, labour, parts and expenses, and its technicians' homes, hours
 * and days off.
 */
final class JdbiFieldServiceFacts {

  private final Jdbi jdbi;

  JdbiFieldServiceFacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The orders counted: on a technician, planned to start in the period, not cancelled. */
  private static String counted(ReportFilter filter) {
    return " o.technician_id is not null and o.status <> 'CANCELLED' and o.planned_start >= :from"
        + " and o.planned_start < :to"
        + (filter.agentId() == null ? "" : " and o.technician_id = :technician");
  }

  private static Query bind(Query q, ReportPeriod period, ReportFilter filter) {
    q.bind("from", period.start()).bind("to", period.end());
    if (filter.agentId() != null) {
      q.bind("technician", filter.agentId());
    }
    return q;
  }

  /**
   * Every order counted with what the figures per technician and day need: arrival, finish,
   * completion and its ticket's visits; no customer, costs or first visit (those are read for the
   * listed orders only, {@link #orders}, and summed per technician, {@link #costs}). In planned
   * order.
   */
  List<OrderFact> visits(ReportPeriod period, ReportFilter filter) {
    String sql =
        "with o as (select o.id, o.ticket_id, o.technician_id, o.status, o.planned_start,"
            + " o.window_end, o.lat, o.lon from dispatch_order o where"
            + counted(filter)
            + """
            ),
            -- arrival (first ON_SITE) and finish (last COMPLETED or CANNOT_COMPLETE) in one pass
            audit as (
              select a.order_id, min(a.at) filter (where a.to_status = 'ON_SITE') as arrived_at,
                     max(a.at) filter (where a.to_status <> 'ON_SITE') as finished_at,
                     bool_or(a.to_status = 'COMPLETED') as completed
                from dispatch_order_audit a
               where a.to_status in ('ON_SITE', 'COMPLETED', 'CANNOT_COMPLETE')
                 and a.order_id in (select id from o) group by 1),
            visits as (
              select v.ticket_id, count(*) as n from dispatch_order v
               where v.status <> 'CANCELLED' and v.ticket_id in (select ticket_id from o)
               group by 1)
            -- the columns of orders() below, those not needed here as constants
            select o.id, o.ticket_id, null as customer, o.technician_id,
                   u.display_name as technician, o.status, o.planned_start, o.window_end, o.lat,
                   o.lon, au.arrived_at, au.finished_at, coalesce(au.completed, false) as completed,
                   false as first_visit, vi.n as ticket_visits, 0 as labour_minutes,
                   0 as parts_cost, 0 as expenses, null as other_expenses
              from o
              join app_user u on u.id = o.technician_id
              left join audit au on au.order_id = o.id
              join visits vi on vi.ticket_id = o.ticket_id
             order by o.planned_start, o.id
            """;
    return jdbi.withHandle(
        h -> bind(h.createQuery(sql), period, filter).map((rs, ctx) -> order(rs)).list());
  }

  /** Labour minutes, parts cost and expenses in TWD of the orders counted, per technician. */
  Map<Long, FieldServiceFigures.Costs> costs(ReportPeriod period, ReportFilter filter) {
    String sql =
        "with o as (select o.id, o.technician_id from dispatch_order o where"
            + counted(filter)
            + """
            ),
            labour as (
              select o.technician_id as id, sum(l.minutes) as minutes
                from order_labour l join o on o.id = l.order_id
               where l.minutes is not null group by 1),
            parts as (
              select o.technician_id as id, sum(m.quantity * coalesce(u.unit_cost, p.unit_cost))
                       as cost
                from stock_move m
                join o on o.id = m.order_id
                join part p on p.id = m.part_id
                left join order_part_used u on u.stock_move_id = m.id
               where m.kind in ('CONSUME', 'CONSUME_OVERRIDE') group by 1),
            expense as (
              select o.technician_id as id, sum(e.amount) as twd
                from order_expense e join o on o.id = e.order_id
               where e.currency = 'TWD' group by 1)
            select id, sum(minutes) as minutes, sum(parts) as parts, sum(expenses) as expenses
              from (select id, minutes, 0 as parts, 0 as expenses from labour
                    union all select id, 0, cost, 0 from parts
                    union all select id, 0, 0, twd from expense) x
             group by id
            """;
    return jdbi.withHandle(
        h -> {
          Map<Long, FieldServiceFigures.Costs> out = new HashMap<>();
          bind(h.createQuery(sql), period, filter)
              .map(
                  (rs, ctx) ->
                      out.put(
                          rs.getLong("id"),
                          new FieldServiceFigures.Costs(
                              rs.getLong("minutes"),
                              rs.getBigDecimal("parts"),
                              rs.getBigDecimal("expenses"))))
              .list();
          return out;
        });
  }

  /**
   * The latest {@code limit} orders counted (by planned start, then id) with all their facts, for
   * the order list.
   */
  List<OrderFact> orders(ReportPeriod period, ReportFilter filter, int limit) {
    String sql =
        "with o as (select o.* from dispatch_order o where"
            + counted(filter)
            + " order by o.planned_start desc, o.id desc limit :limit"
            + """
            ),
            arrival as (
              select a.order_id, min(a.at) as at from dispatch_order_audit a
               where a.to_status = 'ON_SITE' and a.order_id in (select id from o) group by 1),
            finish as (
              select a.order_id, max(a.at) as at, bool_or(a.to_status = 'COMPLETED') as completed
                from dispatch_order_audit a
               where a.to_status in ('COMPLETED', 'CANNOT_COMPLETE')
                 and a.order_id in (select id from o) group by 1),
            labour as (
              select l.order_id, sum(l.minutes) as minutes from order_labour l
               where l.minutes is not null and l.order_id in (select id from o) group by 1),
            parts as (
              select m.order_id, sum(m.quantity * coalesce(u.unit_cost, p.unit_cost)) as cost
                from stock_move m
                join part p on p.id = m.part_id
                left join order_part_used u on u.stock_move_id = m.id
               where m.kind in ('CONSUME', 'CONSUME_OVERRIDE')
                 and m.order_id in (select id from o) group by 1),
            expense_currency as (
              select e.order_id, e.currency, sum(e.amount) as amount from order_expense e
               where e.order_id in (select id from o) group by 1, 2),
            expense as (
              select order_id, sum(amount) filter (where currency = 'TWD') as twd,
                     string_agg(currency || ' ' || amount::text, '; ' order by currency)
                       filter (where currency <> 'TWD') as other
                from expense_currency group by 1),
            visits as (
              select v.ticket_id, count(*) as n,
                     (array_agg(v.id order by v.planned_start nulls last, v.id))[1] as first_id
                from dispatch_order v
               where v.status <> 'CANCELLED' and v.ticket_id in (select ticket_id from o)
               group by 1)
            select o.id, o.ticket_id, c.name as customer, o.technician_id,
                   u.display_name as technician, o.status, o.planned_start, o.window_end,
                   o.lat, o.lon, ar.at as arrived_at, fi.at as finished_at,
                   coalesce(fi.completed, false) as completed, vi.first_id = o.id as first_visit,
                   vi.n as ticket_visits, coalesce(la.minutes, 0) as labour_minutes,
                   coalesce(pa.cost, 0) as parts_cost, coalesce(ex.twd, 0) as expenses,
                   ex.other as other_expenses
              from o
              join customer c on c.id = o.customer_id
              join app_user u on u.id = o.technician_id
              left join arrival ar on ar.order_id = o.id
              left join finish fi on fi.order_id = o.id
              left join labour la on la.order_id = o.id
              left join parts pa on pa.order_id = o.id
              left join expense ex on ex.order_id = o.id
              join visits vi on vi.ticket_id = o.ticket_id
             order by o.planned_start, o.id
            """;
    return jdbi.withHandle(
        h ->
            bind(h.createQuery(sql), period, filter)
                .bind("limit", limit)
                .map((rs, ctx) -> order(rs))
                .list());
  }

  private static OrderFact order(ResultSet rs) throws SQLException {
    return new OrderFact(
        rs.getLong("id"),
        rs.getLong("ticket_id"),
        rs.getString("customer"),
        rs.getLong("technician_id"),
        rs.getString("technician"),
        rs.getString("status"),
        instant(rs, "planned_start"),
        instant(rs, "window_end"),
        rs.getDouble("lat"),
        rs.getDouble("lon"),
        instant(rs, "arrived_at"),
        instant(rs, "finished_at"),
        rs.getBoolean("completed"),
        rs.getBoolean("first_visit"),
        rs.getInt("ticket_visits"),
        rs.getInt("labour_minutes"),
        rs.getBigDecimal("parts_cost"),
        rs.getBigDecimal("expenses"),
        rs.getString("other_expenses"));
  }

  /** Homes, weekly hours and days off in [from, to] of these technicians. */
  Map<Long, TechnicianFact> technicians(Set<Long> ids, LocalDate from, LocalDate to) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h -> {
          Map<Long, Map<DayOfWeek, Integer>> hours = new HashMap<>();
          h.createQuery(
                  """
                  select user_id, weekday,
                         (extract(epoch from ends - starts) / 60)::int as minutes
                    from technician_hours where user_id in (<ids>)
                  """)
              .bindList("ids", new ArrayList<>(ids))
              .map(
                  (rs, ctx) -> {
                    hours
                        .computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DayOfWeek.class))
                        .put(DayOfWeek.of(rs.getInt(2)), rs.getInt(3));
                    return null;
                  })
              .list();
          Map<Long, Set<LocalDate>> off = new HashMap<>();
          h.createQuery(
                  """
                  select user_id, day from technician_day_off
                   where user_id in (<ids>) and day between :from and :to
                  """)
              .bindList("ids", new ArrayList<>(ids))
              .bind("from", from)
              .bind("to", to)
              .map(
                  (rs, ctx) -> {
                    off.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(rs.getObject(2, LocalDate.class));
                    return null;
                  })
              .list();
          Map<Long, TechnicianFact> out = new HashMap<>();
          h.createQuery(
                  "select user_id, home_lat, home_lon from technician where user_id in (<ids>)")
              .bindList("ids", new ArrayList<>(ids))
              .map(
                  (rs, ctx) -> {
                    long id = rs.getLong(1);
                    out.put(
                        id,
                        new TechnicianFact(
                            id,
                            rs.getDouble(2),
                            rs.getDouble(3),
                            hours.getOrDefault(id, Map.of()),
                            off.getOrDefault(id, Set.of())));
                    return null;
                  })
              .list();
          return out;
        });
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
