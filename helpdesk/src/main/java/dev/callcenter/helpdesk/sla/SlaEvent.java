package dev.callcenter.helpdesk.sla;

import dev.callcenter.helpdesk.sla.clock.SlaEventKind;
import dev.callcenter.helpdesk.sla.clock.SlaTarget;
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
