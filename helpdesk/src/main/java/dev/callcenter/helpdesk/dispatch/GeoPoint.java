package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.ValidationException;

/**
 * A place on the earth in WGS 84 degrees; coordinates are data here (geocoding is out of scope).
 */
public record GeoPoint(double lat, double lon) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new ValidationException("lat", "must be from -90 to 90");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new ValidationException("lon", "must be from -180 to 180");
    }
  }

  /** Great-circle (haversine) distance in kilometres. */
  public double distanceKm(GeoPoint other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
