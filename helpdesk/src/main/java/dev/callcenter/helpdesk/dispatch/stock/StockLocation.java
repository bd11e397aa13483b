package dev.callcenter.helpdesk.dispatch.stock;

/** Where parts are kept: a warehouse or a technician's van. */
public record StockLocation(long id, Kind kind, String name) {

  /** The two kinds of location. */
  public enum Kind {
    WAREHOUSE,
    VAN
  }
}
