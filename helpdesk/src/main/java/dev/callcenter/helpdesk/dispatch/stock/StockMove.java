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

  /**
   * Received into a location, transferred between two, used on an order, or used on an order beyond
   * the stock shown by a dispatcher's audited override (it may leave the count negative).
   */
  public enum Kind {
    RECEIVE,
    TRANSFER,
    CONSUME,
    CONSUME_OVERRIDE
  }
}
