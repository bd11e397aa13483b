package dev.callcenter.helpdesk.dispatch.stock;

/**
 * How many units of one part one location holds.
 *
 * @param reserved units set aside for scheduled orders
 * @param available on hand minus reserved: what a new reservation or unplanned use may take
 */
public record StockLevel(
    long locationId,
    String locationName,
    long partId,
    String partNumber,
    int onHand,
    int reserved,
    int available) {}
