package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link FieldWorkRepository} on PostgreSQL through Jdbi. */
public final class JdbiFieldWorkRepository implements FieldWorkRepository {

  private static final String ATTACHMENT =
      "select id, key, order_id, kind, content_type, size_bytes, width, height, sha256,"
          + " uploaded_by, created_at from order_attachment";

  private final Jdbi jdbi;

  public JdbiFieldWorkRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public boolean claim(
      FieldAction a, long orderId, long userId, DispatchStatus status, Instant receivedAt) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        insert into field_action (key, order_id, user_id, type, occurred_at,
                          received_at, lat, lon, accuracy_m, order_status)
                        values (:key, :order, :user, :type, :at, :received, :lat, :lon, :acc,
                          :status)
                        on conflict (key) do nothing
                        """)
                    .bind("key", a.keyId())
                    .bind("order", orderId)
                    .bind("user", userId)
                    .bind("type", a.type().name())
                    .bind("at", a.at())
                    .bind("received", receivedAt)
                    .bind("lat", a.lat())
                    .bind("lon", a.lon())
                    .bind("acc", a.accuracy())
                    .bind("status", status.name())
                    .execute())
        == 1;
  }

  @Override
  public void settle(UUID key, Long recordId, DispatchStatus status) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update field_action set record_id = :record, order_status = :status"
                        + " where key = :key")
                .bind("key", key)
                .bind("record", recordId)
                .bind("status", status.name())
                .execute());
  }

  @Override
  public Optional<StoredAction> action(UUID key) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from field_action where key = :key")
                .bind("key", key)
                .map(
                    (rs, ctx) ->
                        new StoredAction(
                            rs.getObject("key", UUID.class),
                            rs.getLong("order_id"),
                            rs.getLong("user_id"),
                            FieldActionType.valueOf(rs.getString("type")),
                            instant(rs, "occurred_at"),
                            instant(rs, "received_at"),
                            (Long) rs.getObject("record_id"),
                            DispatchStatus.valueOf(rs.getString("order_status"))))
                .findOne());
  }

  @Override
  public boolean wasAssigned(long orderId, long technicianId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select exists (select 1 from dispatch_order_assignee"
                        + " where order_id = :order and technician_id = :tech)")
                .bind("order", orderId)
                .bind("tech", technicianId)
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public Optional<Long> lastScheduler(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select actor_id from dispatch_order_audit
                     where order_id = :order and action = 'scheduled' and actor_id is not null
                     order by id desc limit 1
                    """)
                .bind("order", orderId)
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public Optional<Attachment> attachment(UUID key) {
    return jdbi.withHandle(
        h ->
            h.createQuery(ATTACHMENT + " where key = :key")
                .bind("key", key)
                .map((rs, ctx) -> attachment(rs))
                .findOne());
  }

  @Override
  public Optional<Attachment> attachment(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(ATTACHMENT + " where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> attachment(rs))
                .findOne());
  }

  @Override
  public Optional<byte[]> attachmentBytes(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select bytes from order_attachment where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rs.getBytes(1))
                .findOne());
  }

  @Override
  public Attachment insertAttachment(
      UUID key,
      long orderId,
      Attachment.Kind kind,
      String contentType,
      int width,
      int height,
      String sha256,
      byte[] bytes,
      long userId,
      Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into order_attachment (key, order_id, kind, content_type, size_bytes,
                      width, height, sha256, bytes, uploaded_by, created_at)
                    values (:key, :order, :kind, :type, :size, :width, :height, :sha, :bytes,
                      :user, :at)
                    on conflict (key) do nothing
                    """)
                .bind("key", key)
                .bind("order", orderId)
                .bind("kind", kind.name())
                .bind("type", contentType)
                .bind("size", bytes.length)
                .bind("width", width)
                .bind("height", height)
                .bind("sha", sha256)
                .bind("bytes", bytes)
                .bind("user", userId)
                .bind("at", at)
                .execute());
    return attachment(key).orElseThrow();
  }

  @Override
  public Optional<WorkSheet.Labour> runningLabour(long orderId, long technicianId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from order_labour where order_id = :order"
                        + " and technician_id = :tech and ended_at is null")
                .bind("order", orderId)
                .bind("tech", technicianId)
                .map((rs, ctx) -> labour(rs))
                .findOne());
  }

  @Override
  public long startLabour(long orderId, long technicianId, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "insert into order_labour (order_id, technician_id, source, started_at)"
                        + " values (:order, :tech, 'TIMER', :at)")
                .bind("order", orderId)
                .bind("tech", technicianId)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public void stopLabour(long labourId, Instant at, int minutes) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update order_labour set ended_at = :at, minutes = :minutes where id = :id")
                .bind("id", labourId)
                .bind("at", at)
                .bind("minutes", minutes)
                .execute());
  }

  @Override
  public long enterLabour(long orderId, long technicianId, Instant at, int minutes) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into order_labour (order_id, technician_id, source, started_at,
                      ended_at, minutes)
                    values (:order, :tech, 'ENTERED', :at, :at, :minutes)
                    """)
                .bind("order", orderId)
                .bind("tech", technicianId)
                .bind("at", at)
                .bind("minutes", minutes)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<PartFacts> part(long partId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select serialized, unit_cost from part where id = :id")
                .bind("id", partId)
                .map((rs, ctx) -> new PartFacts(rs.getBoolean(1), rs.getBigDecimal(2)))
                .findOne());
  }

  @Override
  public long insertPartUsed(
      long orderId,
      long partId,
      int quantity,
      List<String> serials,
      BigDecimal unitCost,
      long stockMoveId,
      long technicianId,
      Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into order_part_used (order_id, part_id, quantity, serial_numbers,
                      unit_cost, stock_move_id, technician_id, used_at)
                    values (:order, :part, :quantity, :serials, :cost, :move, :tech, :at)
                    """)
                .bind("order", orderId)
                .bind("part", partId)
                .bind("quantity", quantity)
                .bind("serials", serials.toArray(String[]::new))
                .bind("cost", unitCost)
                .bind("move", stockMoveId)
                .bind("tech", technicianId)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public long insertExpense(
      long orderId,
      long technicianId,
      ExpenseType type,
      BigDecimal amount,
      String currency,
      String note,
      Long receiptId,
      Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into order_expense (order_id, technician_id, type, amount, currency,
                      note, receipt_id, spent_at)
                    values (:order, :tech, :type, :amount, :currency, :note, :receipt, :at)
                    """)
                .bind("order", orderId)
                .bind("tech", technicianId)
                .bind("type", type.name())
                .bind("amount", amount)
                .bind("currency", currency)
                .bind("note", note)
                .bind("receipt", receiptId)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public WorkSheet.CloseOut closeOut(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from order_closeout where order_id = :order")
                .bind("order", orderId)
                .map(
                    (rs, ctx) ->
                        new WorkSheet.CloseOut(
                            rs.getString("resolution"),
                            rs.getString("signer_name"),
                            instant(rs, "signed_at"),
                            (Long) rs.getObject("signature_id"),
                            (Long) rs.getObject("dispatcher_follow_up_id"),
                            (Long) rs.getObject("survey_follow_up_id"),
                            (Long) rs.getObject("late_follow_up_id"),
                            rs.getBoolean("ticket_resolved"),
                            (Long) rs.getObject("kb_article_id")))
                .findOne()
                .orElse(
                    new WorkSheet.CloseOut(null, null, null, null, null, null, null, false, null)));
  }

  private void upsert(long orderId, String set, Instant at, Map<String, Object> values) {
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  "insert into order_closeout (order_id, updated_at) values (:order, :at)"
                      + " on conflict (order_id) do nothing")
              .bind("order", orderId)
              .bind("at", at)
              .execute();
          var update =
              h.createUpdate(
                  "update order_closeout set "
                      + set
                      + ", updated_at = :at where order_id = :order");
          update.bind("order", orderId).bind("at", at);
          values.forEach(update::bind);
          update.execute();
        });
  }

  @Override
  public void saveResolution(long orderId, String resolution, Instant at) {
    upsert(orderId, "resolution = :resolution", at, Map.of("resolution", resolution));
  }

  @Override
  public void saveSignature(
      long orderId, String signerName, Instant signedAt, long signatureId, Instant at) {
    upsert(
        orderId,
        "signer_name = :name, signed_at = :signed, signature_id = :signature",
        at,
        Map.of("name", signerName, "signed", signedAt, "signature", signatureId));
  }

  @Override
  public void link(long orderId, Link link, long id, Instant at) {
    upsert(orderId, link.column + " = :id", at, Map.of("id", id));
  }

  @Override
  public void markTicketResolved(long orderId, Instant at) {
    upsert(orderId, "ticket_resolved = true", at, Map.of());
  }

  @Override
  public List<WorkSheet.Step> steps(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select type, occurred_at, received_at, lat, lon from field_action
                     where order_id = :order order by received_at, occurred_at
                    """)
                .bind("order", orderId)
                .map(
                    (rs, ctx) ->
                        new WorkSheet.Step(
                            FieldActionType.valueOf(rs.getString("type")),
                            instant(rs, "occurred_at"),
                            instant(rs, "received_at"),
                            (Double) rs.getObject("lat"),
                            (Double) rs.getObject("lon")))
                .list());
  }

  @Override
  public List<WorkSheet.Labour> labour(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from order_labour where order_id = :order order by id")
                .bind("order", orderId)
                .map((rs, ctx) -> labour(rs))
                .list());
  }

  @Override
  public List<WorkSheet.PartUsed> partsUsed(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select u.*, p.number, p.name from order_part_used u
                      join part p on p.id = u.part_id
                     where u.order_id = :order order by u.id
                    """)
                .bind("order", orderId)
                .map(
                    (rs, ctx) ->
                        new WorkSheet.PartUsed(
                            rs.getLong("id"),
                            rs.getLong("part_id"),
                            rs.getString("number"),
                            rs.getString("name"),
                            rs.getInt("quantity"),
                            Arrays.asList((String[]) rs.getArray("serial_numbers").getArray()),
                            rs.getBigDecimal("unit_cost"),
                            instant(rs, "used_at")))
                .list());
  }

  @Override
  public List<WorkSheet.Expense> expenses(long orderId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from order_expense where order_id = :order order by id")
                .bind("order", orderId)
                .map(
                    (rs, ctx) ->
                        new WorkSheet.Expense(
                            rs.getLong("id"),
                            ExpenseType.valueOf(rs.getString("type")),
                            rs.getBigDecimal("amount"),
                            rs.getString("currency"),
                            rs.getString("note"),
                            (Long) rs.getObject("receipt_id"),
                            instant(rs, "spent_at")))
                .list());
  }

  @Override
  public List<WorkSheet.PastVisit> pastVisits(long equipmentId, long exceptOrderId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select o.id, o.ticket_id, t.title, o.status,
                           coalesce(o.planned_start, o.window_start) as at,
                           coalesce(c.resolution, t.resolution) as resolution
                      from dispatch_order o
                      join ticket t on t.id = o.ticket_id
                      left join order_closeout c on c.order_id = o.id
                     where o.equipment_id = :equipment and o.id <> :except
                     order by coalesce(o.planned_start, o.window_start) desc, o.id desc
                     limit :limit
                    """)
                .bind("equipment", equipmentId)
                .bind("except", exceptOrderId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new WorkSheet.PastVisit(
                            rs.getLong("id"),
                            rs.getLong("ticket_id"),
                            rs.getString("title"),
                            rs.getString("status"),
                            instant(rs, "at"),
                            rs.getString("resolution")))
                .list());
  }

  @Override
  public List<CustomerVisit> openVisits(long customerId, Instant now, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select o.id, o.ticket_id, o.status, o.window_start, o.window_end,
                           o.planned_start, u.display_name
                      from dispatch_order o
                      left join app_user u on u.id = o.technician_id
                     where o.customer_id = :customer
                       and o.status in ('UNSCHEDULED', 'SCHEDULED', 'EN_ROUTE', 'ON_SITE')
                     order by o.window_start, o.id
                     limit :limit
                    """)
                .bind("customer", customerId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) -> {
                      DispatchStatus status = DispatchStatus.valueOf(rs.getString("status"));
                      Instant windowEnd = instant(rs, "window_end");
                      return new CustomerVisit(
                          rs.getLong("id"),
                          rs.getLong("ticket_id"),
                          status,
                          instant(rs, "window_start"),
                          windowEnd,
                          instant(rs, "planned_start"),
                          rs.getString("display_name"),
                          status != DispatchStatus.ON_SITE
                              && status != DispatchStatus.UNSCHEDULED
                              && windowEnd.isBefore(now));
                    })
                .list());
  }

  @Override
  public OrderCosts costs(long orderId) {
    return jdbi.withHandle(
        h -> {
          int minutes =
              h.createQuery(
                      "select coalesce(sum(minutes), 0) from order_labour where order_id = :o")
                  .bind("o", orderId)
                  .mapTo(Integer.class)
                  .one();
          var parts =
              h.createQuery(
                      "select coalesce(sum(quantity), 0), coalesce(sum(quantity * unit_cost), 0)"
                          + " from order_part_used where order_id = :o")
                  .bind("o", orderId)
                  .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getBigDecimal(2)})
                  .one();
          Map<String, BigDecimal> expenses = new TreeMap<>();
          h.createQuery(
                  "select currency, sum(amount) from order_expense where order_id = :o"
                      + " group by currency")
              .bind("o", orderId)
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)))
              .forEach(e -> expenses.put(e.getKey(), e.getValue()));
          return new OrderCosts(
              orderId, minutes, (Integer) parts[0], (BigDecimal) parts[1], expenses);
        });
  }

  private static Attachment attachment(ResultSet rs) throws SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getObject("key", UUID.class),
        rs.getLong("order_id"),
        Attachment.Kind.valueOf(rs.getString("kind")),
        rs.getString("content_type"),
        rs.getInt("size_bytes"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getString("sha256"),
        rs.getLong("uploaded_by"),
        instant(rs, "created_at"));
  }

  private static WorkSheet.Labour labour(ResultSet rs) throws SQLException {
    return new WorkSheet.Labour(
        rs.getLong("id"),
        rs.getString("source"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        (Integer) rs.getObject("minutes"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
