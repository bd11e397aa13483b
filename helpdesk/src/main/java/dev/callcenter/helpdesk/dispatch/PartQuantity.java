package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.ValidationException;

/** A number of units of one part. */
public record PartQuantity(long partId, int quantity) {

  public PartQuantity {
    if (partId <= 0) {
      throw new ValidationException("partId", "must be a positive number");
    }
    if (quantity <= 0 || quantity > 10_000) {
      throw new ValidationException("quantity", "must be from 1 to 10000");
    }
  }
}
