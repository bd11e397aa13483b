package dev.callcenter.helpdesk.dispatch.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link StockRepository} on PostgreSQL through Jdbi. */
public final class JdbiStockRepository implements StockRepository {

  private final Jdbi jdbi;

  public JdbiStockRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Optional<Long> insertPart(PartDraft d) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "insert into part (number, name, unit_cost, serialized)"
                        + " values (:number, :name, :cost, :serialized)"
                        + " on conflict (number) do nothing returning id")
                .bind("number", d.number())
                .bind("name", d.name())
                .bind("cost", d.unitCost())
                .bind("serialized", d.serialized())
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public Optional<Part> findPart(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from part where id = :id")
                .bind("id", id)
                .map(JdbiStockRepository::part)
                .findOne());
  }

  @Override
  public List<Part> parts(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from part order by number limit :limit")
                .bind("limit", limit)
                .map(JdbiStockRepository::part)
                .list());
  }

  private static Part part(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Part(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("name"),
        rs.getBigDecimal("unit_cost"),
        rs.getBoolean("serialized"));
  }

  @Override
  public long insertLocation(StockLocation.Kind kind, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("insert into stock_location (kind, name) values (:kind, :name)")
                .bind("kind", kind.name())
                .bind("name", name)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<StockLocation> findLocation(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from stock_location where id = :id")
                .bind("id", id)
                .map(JdbiStockRepository::location)
                .findOne());
  }

  @Override
  public List<StockLocation> locations() {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from stock_location order by kind desc, name")
                .map(JdbiStockRepository::location)
                .list());
  }

  private static StockLocation location(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StockLocation(
        rs.getLong("id"), StockLocation.Kind.valueOf(rs.getString("kind")), rs.getString("name"));
  }

  @Override
  public List<StockLevel> levels(Long locationId, Long partId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select s.*, l.name as location_name, p.number as part_number
                      from stock s join stock_location l on l.id = s.location_id
                      join part p on p.id = s.part_id
                     where (cast(:location as bigint) is null or s.location_id = :location)
                       and (cast(:part as bigint) is null or s.part_id = :part)
                     order by l.name, p.number
                    """)
                .bind("location", locationId)
                .bind("part", partId)
                .map(
                    (rs, ctx) ->
                        new StockLevel(
                            rs.getLong("location_id"),
                            rs.getString("location_name"),
                            rs.getLong("part_id"),
                            rs.getString("part_number"),
                            rs.getInt("on_hand"),
                            rs.getInt("reserved"),
                            rs.getInt("on_hand") - rs.getInt("reserved")))
                .list());
  }

  @Override
  public void add(long locationId, long partId, int quantity) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into stock (location_id, part_id, on_hand) values (:l, :p, :q)
                    on conflict (location_id, part_id) do update
                      set on_hand = stock.on_hand + excluded.on_hand
                    """)
                .bind("l", locationId)
                .bind("p", partId)
                .bind("q", quantity)
                .execute());
  }

  @Override
  public void takeBeyondStock(long locationId, long partId, int quantity) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into stock (location_id, part_id, on_hand) values (:l, :p, -:q)
                    on conflict (location_id, part_id) do update
                      set on_hand = stock.on_hand - :q
                    """)
                .bind("l", locationId)
                .bind("p", partId)
                .bind("q", quantity)
                .execute());
  }

  @Override
  public boolean take(long locationId, long partId, int quantity) {
    return change(
        "update stock set on_hand = on_hand - :q"
            + " where location_id = :l and part_id = :p and on_hand - reserved >= :q",
        locationId,
        partId,
        quantity);
  }

  @Override
  public boolean reserve(long locationId, long partId, int quantity) {
    return change(
        "update stock set reserved = reserved + :q"
            + " where location_id = :l and part_id = :p and on_hand - reserved >= :q",
        locationId,
        partId,
        quantity);
  }

  @Override
  public void unreserve(long locationId, long partId, int quantity) {
    change(
        "update stock set reserved = reserved - :q"
            + " where location_id = :l and part_id = :p and reserved >= :q",
        locationId,
        partId,
        quantity);
  }

  @Override
  public boolean takeReserved(long locationId, long partId, int quantity) {
    return change(
        "update stock set on_hand = on_hand - :q, reserved = reserved - :q"
            + " where location_id = :l and part_id = :p and reserved >= :q and on_hand >= :q",
        locationId,
        partId,
        quantity);
  }

  private boolean change(String sql, long locationId, long partId, int quantity) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(sql)
                    .bind("l", locationId)
                    .bind("p", partId)
                    .bind("q", quantity)
                    .execute())
        == 1;
  }

  @Override
  public long insertReservation(
      long orderId, long partId, long locationId, int quantity, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into stock_reservation
                      (order_id, part_id, location_id, quantity, status, created_at)
                    values (:o, :p, :l, :q, 'ACTIVE', :at)
                    """)
                .bind("o", orderId)
                .bind("p", partId)
                .bind("l", locationId)
                .bind("q", quantity)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<StockReservation> activeReservation(long orderId, long partId, long locationId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select * from stock_reservation
                     where order_id = :o and part_id = :p and location_id = :l
                       and status = 'ACTIVE' order by id limit 1 for update
                    """)
                .bind("o", orderId)
                .bind("p", partId)
                .bind("l", locationId)
                .map(JdbiStockRepository::reservation)
                .findOne());
  }

  @Override
  public List<StockReservation> reservations(Long orderId, Long locationId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select * from stock_reservation
                     where (cast(:o as bigint) is null or order_id = :o)
                       and (cast(:l as bigint) is null or location_id = :l)
                     order by id desc limit 500
                    """)
                .bind("o", orderId)
                .bind("l", locationId)
                .map(JdbiStockRepository::reservation)
                .list());
  }

  private static StockReservation reservation(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return new StockReservation(
        rs.getLong("id"),
        rs.getLong("order_id"),
        rs.getLong("part_id"),
        rs.getLong("location_id"),
        rs.getInt("quantity"),
        StockReservation.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant());
  }

  @Override
  public void setReservationStatus(long id, StockReservation.Status status) {
    jdbi.useHandle(
        h ->
            h.createUpdate("update stock_reservation set status = :s where id = :id")
                .bind("s", status.name())
                .bind("id", id)
                .execute());
  }

  @Override
  public long insertMove(
      StockMove.Kind kind,
      long partId,
      Long from,
      Long to,
      int quantity,
      Long orderId,
      Long actorId,
      Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into stock_move
                      (kind, part_id, from_location, to_location, quantity, order_id, actor_id, at)
                    values (:kind, :p, :from, :to, :q, :o, :actor, :at)
                    """)
                .bind("kind", kind.name())
                .bind("p", partId)
                .bind("from", from)
                .bind("to", to)
                .bind("q", quantity)
                .bind("o", orderId)
                .bind("actor", actorId)
                .bind("at", at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<StockMove> moves(Long partId, Long locationId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select * from stock_move
                     where (cast(:p as bigint) is null or part_id = :p)
                       and (cast(:l as bigint) is null
                            or from_location = :l or to_location = :l)
                     order by id desc limit :limit
                    """)
                .bind("p", partId)
                .bind("l", locationId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new StockMove(
                            rs.getLong("id"),
                            StockMove.Kind.valueOf(rs.getString("kind")),
                            rs.getLong("part_id"),
                            (Long) rs.getObject("from_location"),
                            (Long) rs.getObject("to_location"),
                            rs.getInt("quantity"),
                            (Long) rs.getObject("order_id"),
                            (Long) rs.getObject("actor_id"),
                            rs.getTimestamp("at").toInstant()))
                .list());
  }
}
