package dev.callcenter.helpdesk.dispatch.stock;

import java.time.Instant;

/** Units of a part set aside at a location for a scheduled order. */
public record StockReservation(
    long id,
    long orderId,
    long partId,
    long locationId,
    int quantity,
    Status status,
    Instant createdAt) {

  /** Held, used on the order, or given back. */
  public enum Status {
    ACTIVE,
    CONSUMED,
    RELEASED
  }
}
