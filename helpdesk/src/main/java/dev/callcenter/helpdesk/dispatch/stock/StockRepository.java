package dev.callcenter.helpdesk.dispatch.stock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Parts, locations and stock. Every change is one conditional update that PostgreSQL serialises on
 * the stock row, so two uses of the last unit cannot both succeed.
 */
public interface StockRepository {

  Optional<Long> insertPart(PartDraft draft);

  Optional<Part> findPart(long id);

  List<Part> parts(int limit);

  long insertLocation(StockLocation.Kind kind, String name);

  Optional<StockLocation> findLocation(long id);

  List<StockLocation> locations();

  List<StockLevel> levels(Long locationId, Long partId);

  /** Adds units on hand (creating the row). */
  void add(long locationId, long partId, int quantity);

  /** Takes unreserved units; false when fewer than {@code quantity} are available. */
  boolean take(long locationId, long partId, int quantity);

  /**
   * Takes units whatever is available (creating the row): the count may drop below the reserved
   * units and below zero. Only for a dispatcher's audited override.
   */
  void takeBeyondStock(long locationId, long partId, int quantity);

  /** Sets units aside; false when fewer than {@code quantity} are available. */
  boolean reserve(long locationId, long partId, int quantity);

  /** Gives reserved units back to available. */
  void unreserve(long locationId, long partId, int quantity);

  /** Takes units that were reserved: on hand and reserved both drop. */
  boolean takeReserved(long locationId, long partId, int quantity);

  long insertReservation(long orderId, long partId, long locationId, int quantity, Instant at);

  /** The order's active reservation of the part at the location, locked for the transaction. */
  Optional<StockReservation> activeReservation(long orderId, long partId, long locationId);

  List<StockReservation> reservations(Long orderId, Long locationId);

  void setReservationStatus(long id, StockReservation.Status status);

  long insertMove(
      StockMove.Kind kind,
      long partId,
      Long from,
      Long to,
      int quantity,
      Long orderId,
      Long actorId,
      Instant at);

  List<StockMove> moves(Long partId, Long locationId, int limit);
}
