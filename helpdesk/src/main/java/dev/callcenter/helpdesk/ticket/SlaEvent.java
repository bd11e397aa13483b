package dev.callcenter.helpdesk.ticket;

import java.time.Instant;

/**
 * A warning or breach point of a ticket's SLA clock that the monitor found passed.
 *
 * @param reachedAt when the clock reached the point
 * @param recordedAt when the monitor recorded it
 */
public record SlaEvent(
    long id,
    long ticketId,
    SlaTarget target,
    SlaEventKind kind,
    Instant reachedAt,
    Instant recordedAt) {}
