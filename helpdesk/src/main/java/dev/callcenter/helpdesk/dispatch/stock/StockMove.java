package dev.callcenter.helpdesk.dispatch.stock;

import java.time.Instant;

/**
 * One change of stock.
 *
 * @param fromLocation where the units left, null when received
 * @param toLocation where they arrived, null when used on an order
 * @param orderId the order they were used on, for CONSUME
 */
public record StockMove(
    long id,
    Kind kind,
    long partId,
    Long fromLocation,
    Long toLocation,
    int quantity,
    Long orderId,
    Long actorId,
    Instant at) {

  /** Received into a location, transferred between two, or used on an order. */
  public enum Kind {
    RECEIVE,
    TRANSFER,
    CONSUME
  }
}
