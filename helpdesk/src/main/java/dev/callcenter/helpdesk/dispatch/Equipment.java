package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An installed unit at a customer's site (the installed base).
 *
 * @param site coordinates of the site, null when unknown
 */
public record Equipment(
    long id,
    long customerId,
    String product,
    String version,
    String serialNumber,
    String siteAddress,
    GeoPoint site,
    LocalDate installedOn,
    LocalDate warrantyEnd,
    Instant createdAt) {}
