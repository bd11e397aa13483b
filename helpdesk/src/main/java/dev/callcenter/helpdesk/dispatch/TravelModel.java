package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.ValidationException;

/**
 * How long driving takes without a road network: great-circle distance × {@code roadFactor} (roads
 * are longer than the straight line) ÷ {@code speedKmh}, rounded up to whole minutes.
 */
public record TravelModel(double roadFactor, double speedKmh) {

  /** City driving in Taiwan: roads 1.3 × the straight line, 30 km/h on average. */
  public static final TravelModel DEFAULT = new TravelModel(1.3, 30);

  public TravelModel {
    if (!(roadFactor >= 1 && roadFactor <= 5)) {
      throw new ValidationException("roadFactor", "must be from 1 to 5");
    }
    if (!(speedKmh >= 1 && speedKmh <= 200)) {
      throw new ValidationException("speedKmh", "must be from 1 to 200");
    }
  }

  public long minutes(GeoPoint from, GeoPoint to) {
    return (long) Math.ceil(kilometres(from, to) / speedKmh * 60);
  }

  /** Road kilometres estimated from the straight line. */
  public double kilometres(GeoPoint from, GeoPoint to) {
    return from.distanceKm(to) * roadFactor;
  }
}
