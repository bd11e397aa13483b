package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import java.time.Instant;

/**
 * A customer's open or next visit as an agent sees it on the screen pop and the customer view.
 *
 * @param technician the technician's display name, null while unscheduled
 * @param late the arrival window has ended and the technician is not on site yet
 */
public record CustomerVisit(
    long orderId,
    long ticketId,
    DispatchStatus status,
    Instant windowStart,
    Instant windowEnd,
    Instant plannedStart,
    String technician,
    boolean late) {}
