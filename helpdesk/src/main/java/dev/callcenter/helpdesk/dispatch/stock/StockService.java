package dev.callcenter.helpdesk.dispatch.stock;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts catalogue and stock: receipts, transfers, reservations for scheduled orders and use on
 * orders. Stock never goes negative: each change is one conditional update, so of two technicians
 * using the last unit at once one succeeds and the other gets {@code 409 stock_insufficient}.
 */
public final class StockService {

  private static final Logger log = LoggerFactory.getLogger(StockService.class);
  private static final int MAX_LIST = 500;

  private final StockRepository stock;
  private final Transactions transactions;
  private final Clock clock;

  public StockService(StockRepository stock, Transactions transactions, Clock clock) {
    this.stock = stock;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Part createPart(PartDraft draft) {
    long id =
        stock
            .insertPart(draft)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "part_number_taken",
                        "A part numbered " + draft.number() + " exists already",
                        Map.of("number", draft.number())));
    return part(id);
  }

  public Part part(long id) {
    return stock.findPart(id).orElseThrow(() -> new NotFoundException("part", id));
  }

  public List<Part> parts() {
    return stock.parts(MAX_LIST);
  }

  public StockLocation createWarehouse(String name) {
    String n = Fields.required("name", name, 100);
    long id = stock.insertLocation(StockLocation.Kind.WAREHOUSE, n);
    return location(id);
  }

  public StockLocation location(long id) {
    return stock.findLocation(id).orElseThrow(() -> new NotFoundException("stock_location", id));
  }

  public List<StockLocation> locations() {
    return stock.locations();
  }

  public List<StockLevel> levels(Long locationId, Long partId) {
    return stock.levels(locationId, partId);
  }

  public List<StockMove> moves(Long partId, Long locationId) {
    return stock.moves(partId, locationId, MAX_LIST);
  }

  public List<StockReservation> reservations(Long orderId, Long locationId) {
    return stock.reservations(orderId, locationId);
  }

  /** Units arrive at a location (a delivery, a count correction upwards). */
  public StockMove receive(long locationId, long partId, int quantity, Long actorId) {
    check(locationId, partId, quantity);
    return transactions.inTransaction(
        () -> {
          stock.add(locationId, partId, quantity);
          return move(StockMove.Kind.RECEIVE, partId, null, locationId, quantity, null, actorId);
        });
  }

  /** Units go from one location to another (warehouse to van); only unreserved units move. */
  public StockMove transfer(long from, long to, long partId, int quantity, Long actorId) {
    check(from, partId, quantity);
    location(to);
    if (from == to) {
      throw new ValidationException("toLocationId", "must differ from fromLocationId");
    }
    return transactions.inTransaction(
        () -> {
          if (!stock.take(from, partId, quantity)) {
            throw insufficient(from, partId, quantity);
          }
          stock.add(to, partId, quantity);
          return move(StockMove.Kind.TRANSFER, partId, from, to, quantity, null, actorId);
        });
  }

  /** Sets units aside at a location for an order. */
  public StockReservation reserve(long orderId, long partId, long locationId, int quantity) {
    check(locationId, partId, quantity);
    return transactions.inTransaction(
        () -> {
          if (!stock.reserve(locationId, partId, quantity)) {
            throw insufficient(locationId, partId, quantity);
          }
          long id = stock.insertReservation(orderId, partId, locationId, quantity, clock.instant());
          return stock.reservations(orderId, locationId).stream()
              .filter(r -> r.id() == id)
              .findFirst()
              .orElseThrow();
        });
  }

  /** Gives back every active reservation of an order (cancelled, re-planned elsewhere). */
  public int releaseFor(long orderId) {
    return transactions.inTransaction(
        () -> {
          int released = 0;
          for (StockReservation r : stock.reservations(orderId, null)) {
            if (r.status() == StockReservation.Status.ACTIVE) {
              stock.unreserve(r.locationId(), r.partId(), r.quantity());
              stock.setReservationStatus(r.id(), StockReservation.Status.RELEASED);
              released++;
            }
          }
          return released;
        });
  }

  /**
   * Uses units at a location on an order: first from the order's own reservation there, then from
   * what is available. The last unit goes to whoever commits first; the other gets a 409.
   */
  public StockMove consume(long orderId, long partId, long locationId, int quantity, Long actorId) {
    check(locationId, partId, quantity);
    StockMove used =
        transactions.inTransaction(
            () -> {
              var reservation = stock.activeReservation(orderId, partId, locationId);
              boolean taken;
              if (reservation.isPresent() && reservation.get().quantity() == quantity) {
                taken = stock.takeReserved(locationId, partId, quantity);
                stock.setReservationStatus(
                    reservation.get().id(), StockReservation.Status.CONSUMED);
              } else {
                taken = stock.take(locationId, partId, quantity);
              }
              if (!taken) {
                throw insufficient(locationId, partId, quantity);
              }
              return move(
                  StockMove.Kind.CONSUME, partId, locationId, null, quantity, orderId, actorId);
            });
    log.info(
        "{} × part {} used on order {} from location {}", quantity, partId, orderId, locationId);
    return used;
  }

  /**
   * A dispatcher's override: units used on an order beyond what the location shows, which may take
   * its count below zero. The order's own reservation there is consumed first; the caller records
   * the reason in the order's audit trail.
   */
  public StockMove consumeBeyondStock(
      long orderId, long partId, long locationId, int quantity, Long actorId) {
    check(locationId, partId, quantity);
    StockMove used =
        transactions.inTransaction(
            () -> {
              var reservation = stock.activeReservation(orderId, partId, locationId);
              if (reservation.isPresent()) {
                stock.unreserve(locationId, partId, reservation.get().quantity());
                stock.setReservationStatus(
                    reservation.get().id(), StockReservation.Status.CONSUMED);
              }
              stock.takeBeyondStock(locationId, partId, quantity);
              return move(
                  StockMove.Kind.CONSUME_OVERRIDE,
                  partId,
                  locationId,
                  null,
                  quantity,
                  orderId,
                  actorId);
            });
    log.warn(
        "Override: {} × part {} used on order {} from location {} beyond its stock",
        quantity,
        partId,
        orderId,
        locationId);
    return used;
  }

  private StockMove move(
      StockMove.Kind kind, long partId, Long from, Long to, int quantity, Long order, Long actor) {
    Instant at = clock.instant();
    long id = stock.insertMove(kind, partId, from, to, quantity, order, actor, at);
    return new StockMove(id, kind, partId, from, to, quantity, order, actor, at);
  }

  private void check(long locationId, long partId, int quantity) {
    if (quantity <= 0 || quantity > 10_000) {
      throw new ValidationException("quantity", "must be from 1 to 10000");
    }
    location(locationId);
    part(partId);
  }

  private ConflictException insufficient(long locationId, long partId, int quantity) {
    int available = stock.levels(locationId, partId).stream().mapToInt(StockLevel::available).sum();
    return new ConflictException(
        "stock_insufficient",
        "Only "
            + available
            + " unit(s) of part "
            + partId
            + " available at location "
            + locationId
            + ", "
            + quantity
            + " asked",
        Map.of(
            "locationId", locationId,
            "partId", partId,
            "available", available,
            "requested", quantity));
  }
}
