package dev.callcenter.helpdesk.dispatch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link DispatchOrderRepository} on PostgreSQL through Jdbi. */
public final class JdbiDispatchOrderRepository implements DispatchOrderRepository {

  private static final String SELECT =
      """
      select o.*, c.name as customer_name,
             array(select p.part_id from dispatch_order_part p
                    where p.order_id = o.id order by p.part_id) as part_ids,
             array(select p.quantity from dispatch_order_part p
                    where p.order_id = o.id order by p.part_id) as part_quantities
        from dispatch_order o join customer c on c.id = o.customer_id
      """;

  private final Jdbi jdbi;

  public JdbiDispatchOrderRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public long insert(NewOrder o, Long createdBy, Instant at) {
    return jdbi.inTransaction(
        h -> {
          long id =
              h.createUpdate(
                      """
                      insert into dispatch_order (ticket_id, customer_id, equipment_id,
                        site_address, lat, lon, required_skills, duration_minutes, priority,
                        window_start, window_end, status, note, created_by, created_at, updated_at)
                      values (:ticketId, :customerId, :equipmentId, :siteAddress, :lat, :lon,
                        :skills, :duration, :priority, :windowStart, :windowEnd, 'UNSCHEDULED',
                        :note, :createdBy, :at, :at)
                      """)
                  .bind("ticketId", o.ticketId())
                  .bind("customerId", o.customerId())
                  .bind("equipmentId", o.equipmentId())
                  .bind("siteAddress", o.siteAddress())
                  .bind("lat", o.site().lat())
                  .bind("lon", o.site().lon())
                  .bind("skills", o.requiredSkills().toArray(String[]::new))
                  .bind("duration", o.durationMinutes())
                  .bind("priority", o.priority())
                  .bind("windowStart", o.windowStart())
                  .bind("windowEnd", o.windowEnd())
                  .bind("note", o.note())
                  .bind("createdBy", createdBy)
                  .bind("at", at)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          var batch =
              h.prepareBatch(
                  "insert into dispatch_order_part (order_id, part_id, quantity)"
                      + " values (:order, :part, :quantity)");
          for (PartQuantity p : o.parts()) {
            batch.bind("order", id).bind("part", p.partId()).bind("quantity", p.quantity()).add();
          }
          if (!o.parts().isEmpty()) {
            batch.execute();
          }
          return id;
        });
  }

  @Override
  public Optional<DispatchOrder> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where o.id = :id")
                .bind("id", id)
                .map(JdbiDispatchOrderRepository::map)
                .findOne());
  }

  @Override
  public Optional<DispatchOrder> lock(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where o.id = :id for update of o")
                .bind("id", id)
                .map(JdbiDispatchOrderRepository::map)
                .findOne());
  }

  @Override
  public List<DispatchOrder> list(OrderQuery q) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                         where (cast(:from as timestamptz) is null
                                or coalesce(o.planned_end, o.window_end) > :from)
                           and (cast(:to as timestamptz) is null
                                or coalesce(o.planned_start, o.window_start) < :to)
                           and (cast(:technician as bigint) is null
                                or o.technician_id = :technician)
                           and (cast(:ticket as bigint) is null or o.ticket_id = :ticket)
                           and (cast(:status as text) is null or o.status = :status)
                         order by o.technician_id nulls last,
                                  coalesce(o.planned_start, o.window_start), o.id
                         limit :limit
                        """)
                .bind("from", q.from())
                .bind("to", q.to())
                .bind("technician", q.technicianId())
                .bind("ticket", q.ticketId())
                .bind("status", q.status() == null ? null : q.status().name())
                .bind("limit", q.limit())
                .map(JdbiDispatchOrderRepository::map)
                .list());
  }

  @Override
  public List<DispatchOrder> forTicket(long ticketId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where o.ticket_id = :id order by o.id")
                .bind("id", ticketId)
                .map(JdbiDispatchOrderRepository::map)
                .list());
  }

  @Override
  public List<DispatchOrder> forEquipment(long equipmentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " where o.equipment_id = :id order by o.created_at desc, o.id")
                .bind("id", equipmentId)
                .map(JdbiDispatchOrderRepository::map)
                .list());
  }

  @Override
  public boolean update(DispatchOrder o, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        update dispatch_order set site_address = :siteAddress, lat = :lat,
                          lon = :lon, required_skills = :skills, duration_minutes = :duration,
                          priority = :priority, window_start = :windowStart,
                          window_end = :windowEnd, status = :status, status_reason = :reason,
                          technician_id = :technician, planned_start = :plannedStart,
                          planned_end = :plannedEnd, pinned = :pinned,
                          explanation = :explanation, note = :note, updated_at = :at,
                          version = version + 1
                         where id = :id and version = :version
                        """)
                    .bind("id", o.id())
                    .bind("version", o.version())
                    .bind("siteAddress", o.siteAddress())
                    .bind("lat", o.site().lat())
                    .bind("lon", o.site().lon())
                    .bind("skills", o.requiredSkills().toArray(String[]::new))
                    .bind("duration", o.durationMinutes())
                    .bind("priority", o.priority())
                    .bind("windowStart", o.windowStart())
                    .bind("windowEnd", o.windowEnd())
                    .bind("status", o.status().name())
                    .bind("reason", o.statusReason())
                    .bind("technician", o.technicianId())
                    .bind("plannedStart", o.plannedStart())
                    .bind("plannedEnd", o.plannedEnd())
                    .bind("pinned", o.pinned())
                    .bind("explanation", o.explanation())
                    .bind("note", o.note())
                    .bind("at", at)
                    .execute())
        == 1;
  }

  @Override
  public void audit(
      long orderId,
      Instant at,
      Actor actor,
      String action,
      DispatchStatus from,
      DispatchStatus to,
      String detail) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into dispatch_order_audit
                      (order_id, at, actor_id, address, action, from_status, to_status, detail)
                    values (:order, :at, :actor, :address, :action, :from, :to, :detail)
                    """)
                .bind("order", orderId)
                .bind("at", at)
                .bind("actor", actor.userId())
                .bind("address", actor.address())
                .bind("action", action)
                .bind("from", from == null ? null : from.name())
                .bind("to", to == null ? null : to.name())
                .bind("detail", detail)
                .execute());
  }

  @Override
  public List<OrderAuditEntry> history(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from dispatch_order_audit where order_id = :id order by id")
                .bind("id", orderId)
                .map(
                    (rs, ctx) ->
                        new OrderAuditEntry(
                            rs.getLong("id"),
                            rs.getLong("order_id"),
                            rs.getTimestamp("at").toInstant(),
                            (Long) rs.getObject("actor_id"),
                            rs.getString("address"),
                            rs.getString("action"),
                            status(rs.getString("from_status")),
                            status(rs.getString("to_status")),
                            rs.getString("detail")))
                .list());
  }

  private static DispatchStatus status(String s) {
    return s == null ? null : DispatchStatus.valueOf(s);
  }

  private static DispatchOrder map(ResultSet rs, StatementContext ctx) throws SQLException {
    Long[] partIds = longs(rs.getArray("part_ids"));
    Integer[] quantities = (Integer[]) rs.getArray("part_quantities").getArray();
    var parts = new ArrayList<PartQuantity>();
    for (int i = 0; i < partIds.length; i++) {
      parts.add(new PartQuantity(partIds[i], quantities[i]));
    }
    return new DispatchOrder(
        rs.getLong("id"),
        rs.getLong("ticket_id"),
        rs.getLong("customer_id"),
        rs.getString("customer_name"),
        (Long) rs.getObject("equipment_id"),
        rs.getString("site_address"),
        new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
        Arrays.asList((String[]) rs.getArray("required_skills").getArray()),
        rs.getInt("duration_minutes"),
        rs.getInt("priority"),
        instant(rs.getTimestamp("window_start")),
        instant(rs.getTimestamp("window_end")),
        DispatchStatus.valueOf(rs.getString("status")),
        rs.getString("status_reason"),
        (Long) rs.getObject("technician_id"),
        instant(rs.getTimestamp("planned_start")),
        instant(rs.getTimestamp("planned_end")),
        rs.getBoolean("pinned"),
        rs.getString("explanation"),
        rs.getString("note"),
        parts,
        (Long) rs.getObject("created_by"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")),
        rs.getInt("version"));
  }

  private static Long[] longs(Array array) throws SQLException {
    return (Long[]) array.getArray();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
